package etf

// Tags of the external term format.
const (
	versionMagic = 131

	tagNewFloat       = 70 // NEW_FLOAT_EXT
	tagBitBinary      = 77 // BIT_BINARY_EXT
	tagCompressed     = 80 // zlib-compressed term
	tagAtomCacheRef   = 82 // ATOM_CACHE_REF (distribution only)
	tagDistHeader     = 68 // DIST_HEADER (distribution only)
	tagDistFragHeader = 69 // DIST_FRAG_HEADER (distribution only)
	tagNewPid         = 88 // NEW_PID_EXT
	tagNewPort        = 89 // NEW_PORT_EXT
	tagNewerRef       = 90 // NEWER_REFERENCE_EXT
	tagSmallInteger   = 97 // SMALL_INTEGER_EXT
	tagInteger        = 98 // INTEGER_EXT
	tagFloat          = 99 // FLOAT_EXT (31-byte string)
	tagAtom           = 100
	tagReference      = 101
	tagPort           = 102
	tagPid            = 103
	tagSmallTuple     = 104
	tagLargeTuple     = 105
	tagNil            = 106
	tagString         = 107
	tagList           = 108
	tagBinary         = 109
	tagSmallBig       = 110
	tagLargeBig       = 111
	tagNewFun         = 112
	tagExport         = 113
	tagNewReference   = 114
	tagSmallAtom      = 115
	tagMap            = 116
	tagFun            = 117 // FUN_EXT, pre-R8 funs
	tagAtomUTF8       = 118
	tagSmallAtomUTF8  = 119
	tagV4Port         = 120
	tagLocal          = 121 // LOCAL_EXT (OTP 26)
)

// localNode is the node name of every pid, port and reference avm has.
const localNode = "nonode@nohost"

// Limits OTP applies to local identifiers.
const (
	pidIDBits   = 15 // significant bits of a pid's ID field
	refWord0Max = 1<<18 - 1
	maxAtomLen  = 255
)
