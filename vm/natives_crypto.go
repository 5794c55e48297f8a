package vm

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/hmac"
	"crypto/md5"
	"crypto/pbkdf2"
	"crypto/rand"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha3"
	"crypto/sha512"
	"crypto/subtle"
	"encoding"
	"hash"
	"strconv"
	"strings"

	"github.com/avmtool/avm/vm/term"
)

// The crypto functions AtomVM apps use, as Go natives over Go's crypto
// packages: random bytes, digests (one-shot and incremental), HMAC,
// PBKDF2, constant-time comparison and AES (ECB, CBC, CTR, CFB128, GCM). Errors are OTP 25's, whose badarg reasons name
// the C file and line of its NIF ({badarg, {"hash.c", 108}, "Bad digest
// type"}); avm gives the same tuples.

func init() {
	register("crypto",
		Native{Function: "strong_rand_bytes", Arity: 1, Fn: cryptoStrongRandBytes, Doc: "strong_rand_bytes(N): N cryptographically strong random bytes"},
		Native{Function: "hash", Arity: 2, Fn: cryptoHash, Doc: "hash(Type, Data): the digest of iodata; Type md5, sha, sha224, sha256, sha384, sha512, sha3_224..sha3_512"},
		Native{Function: "hash_init", Arity: 1, Fn: cryptoHashInit, Doc: "hash_init(Type): the state of an incremental digest"},
		Native{Function: "hash_update", Arity: 2, Fn: cryptoHashUpdate, Doc: "hash_update(State, Data): a new state with iodata added (State is unchanged)"},
		Native{Function: "hash_final", Arity: 1, Fn: cryptoHashFinal, Doc: "hash_final(State): the digest of the data added to State"},
		Native{Function: "mac", Arity: 4, Fn: cryptoMac, Doc: "mac(hmac, SubType, Key, Data): the HMAC of iodata with a digest type"},
		Native{Function: "hash_equals", Arity: 2, Fn: cryptoHashEquals, Doc: "hash_equals(A, B): compares two binaries of equal size in constant time"},
		Native{Function: "pbkdf2_hmac", Arity: 5, Fn: cryptoPBKDF2, Doc: "pbkdf2_hmac(Digest, Password, Salt, Iterations, KeyLen): a key derived with PBKDF2-HMAC (sha, sha224..sha512)"},
	)
}

var digests = map[string]func() hash.Hash{
	"md5":      md5.New,
	"sha":      sha1.New,
	"sha224":   sha256.New224,
	"sha256":   sha256.New,
	"sha384":   sha512.New384,
	"sha512":   sha512.New,
	"sha3_224": func() hash.Hash { return sha3.New224() },
	"sha3_256": func() hash.Hash { return sha3.New256() },
	"sha3_384": func() hash.Hash { return sha3.New384() },
	"sha3_512": func() hash.Hash { return sha3.New512() },
}

// cryptoError raises OTP's {badarg, {File, Line}, Message}.
func cryptoError(p *Process, file string, line int64, msg string) term.Term {
	h := p.heap
	return p.Error(h.Tuple(term.AtomBadarg, h.Tuple(charList(h, file), term.MakeSmall(line)), charList(h, msg)))
}

func cryptoStrongRandBytes(p *Process, args []term.Term) term.Term {
	n, ok := smallArg(args[0])
	if !ok || n < 0 || n > maxBinaryBytes {
		return p.Badarg()
	}
	b := make([]byte, n)
	rand.Read(b) // never fails (it aborts the program if the OS has no randomness)
	return p.heap.MakeBinary(b)
}

// iodataArg returns the bytes of an iodata argument.
func iodataArg(h *term.Heap, t term.Term) ([]byte, bool) {
	if h.IsBitstring(t) {
		return h.BinaryBytes(t)
	}
	w, _, ok := iodata(h, t, false, false)
	return w.data, ok
}

func digestOf(t term.Term) (func() hash.Hash, bool) {
	if !t.IsAtom() {
		return nil, false
	}
	f, ok := digests[term.AtomName(t)]
	return f, ok
}

func cryptoHash(p *Process, args []term.Term) term.Term {
	h := p.heap
	newHash, ok := digestOf(args[0])
	if !ok {
		return cryptoError(p, "hash.c", 108, "Bad digest type")
	}
	data, ok := iodataArg(h, args[1])
	if !ok {
		return p.Badarg()
	}
	d := newHash()
	d.Write(data)
	return h.MakeBinary(d.Sum(nil))
}

// An incremental digest's state is an opaque tuple {crypto_hash, Type,
// Saved}, Saved being Go's serialized hash state, so that a state stays
// valid (and unchanged) however often it is updated, as OTP's does. OTP's
// state is a reference.
var atomCryptoHash = term.Atom("crypto_hash")

func hashState(h *term.Heap, typ term.Term, d hash.Hash) term.Term {
	saved, err := d.(encoding.BinaryMarshaler).MarshalBinary()
	if err != nil {
		panic("crypto: a Go digest cannot save its state: " + err.Error())
	}
	return h.Tuple(atomCryptoHash, typ, h.MakeBinary(saved))
}

// restoreState reads a state made by hashState.
func restoreState(h *term.Heap, t term.Term) (term.Term, hash.Hash, bool) {
	if !h.IsTuple(t) || h.TupleSize(t) != 3 || h.TupleElems(t)[0] != atomCryptoHash {
		return term.NoValue, nil, false
	}
	e := h.TupleElems(t)
	newHash, ok := digestOf(e[1])
	if !ok {
		return term.NoValue, nil, false
	}
	saved, ok := binaryArg(h, e[2])
	if !ok {
		return term.NoValue, nil, false
	}
	d := newHash()
	if d.(encoding.BinaryUnmarshaler).UnmarshalBinary(saved) != nil {
		return term.NoValue, nil, false
	}
	return e[1], d, true
}

func cryptoHashInit(p *Process, args []term.Term) term.Term {
	newHash, ok := digestOf(args[0])
	if !ok {
		return cryptoError(p, "hash.c", 142, "Bad digest type")
	}
	return hashState(p.heap, args[0], newHash())
}

func cryptoHashUpdate(p *Process, args []term.Term) term.Term {
	h := p.heap
	typ, d, ok := restoreState(h, args[0])
	if !ok {
		return cryptoError(p, "hash.c", 171, "Bad state")
	}
	data, ok := iodataArg(h, args[1])
	if !ok {
		return p.Badarg()
	}
	d.Write(data)
	return hashState(h, typ, d)
}

func cryptoHashFinal(p *Process, args []term.Term) term.Term {
	h := p.heap
	_, d, ok := restoreState(h, args[0])
	if !ok {
		return cryptoError(p, "hash.c", 205, "Bad state")
	}
	return h.MakeBinary(d.Sum(nil))
}

var atomHmac = term.Atom("hmac")

func cryptoMac(p *Process, args []term.Term) term.Term {
	h := p.heap
	if args[0] != atomHmac {
		return cryptoError(p, "mac.c", 313, "Unknown cipher")
	}
	newHash, ok := digestOf(args[1])
	if !ok {
		return cryptoError(p, "mac.c", 263, "Bad digest algorithm for HMAC")
	}
	key, ok := iodataArg(h, args[2])
	if !ok {
		return cryptoError(p, "mac.c", 165, "Bad key")
	}
	data, ok := iodataArg(h, args[3])
	if !ok {
		return cryptoError(p, "mac.c", 175, "Bad text")
	}
	m := hmac.New(newHash, key)
	m.Write(data)
	return h.MakeBinary(m.Sum(nil))
}

func cryptoHashEquals(p *Process, args []term.Term) term.Term {
	h := p.heap
	a, ok1 := binaryArg(h, args[0])
	b, ok2 := binaryArg(h, args[1])
	if !ok1 || !ok2 || len(a) != len(b) {
		return p.Badarg()
	}
	return term.Bool(subtle.ConstantTimeCompare(a, b) == 1)
}

// pbkdf2Digests are the digests OTP's pbkdf2_hmac takes.
var pbkdf2Digests = map[string]bool{"sha": true, "sha224": true, "sha256": true, "sha384": true, "sha512": true}

func cryptoPBKDF2(p *Process, args []term.Term) term.Term {
	h := p.heap
	newHash, ok := digestOf(args[0])
	if !ok {
		return cryptoError(p, "pbkdf2_hmac.c", 34, "Bad digest type")
	}
	if !pbkdf2Digests[term.AtomName(args[0])] {
		return cryptoError(p, "pbkdf2_hmac.c", 38, "Not eligible digest type")
	}
	pass, ok := binaryArg(h, args[1])
	if !ok {
		return cryptoError(p, "pbkdf2_hmac.c", 41, "Not binary")
	}
	salt, ok := binaryArg(h, args[2])
	if !ok {
		return cryptoError(p, "pbkdf2_hmac.c", 44, "Not binary")
	}
	// Iterations, then the key length: OTP 25's line numbers of each check.
	var n [2]int64
	for i, line := range [2]int64{47, 52} {
		v, ok := smallArg(args[3+i])
		if !ok || v < 0 || v > 1<<32 {
			return cryptoError(p, "pbkdf2_hmac.c", line, "Not integer")
		}
		if v == 0 {
			return cryptoError(p, "pbkdf2_hmac.c", line+2, "Must be > 0")
		}
		n[i] = v
	}
	iter, keyLen := n[0], n[1]
	key, err := pbkdf2.Key(newHash, string(pass), salt, int(iter), int(keyLen))
	if err != nil { // a key longer than (2^32 - 1) digests
		return p.SystemLimit()
	}
	return h.MakeBinary(key)
}

// AES with crypto_one_time/4,5 (ECB, CBC, CTR, CFB128) and
// crypto_one_time_aead/6,7 (GCM), as OTP's and AtomVM's crypto have them.

func init() {
	register("crypto",
		Native{Function: "crypto_one_time", Arity: 4, Fn: cryptoOneTime, Doc: "crypto_one_time(Cipher, Key, Data, EncryptOrOptions): AES-ECB en/decryption of iodata"},
		Native{Function: "crypto_one_time", Arity: 5, Fn: cryptoOneTime, Doc: "crypto_one_time(Cipher, Key, IV, Data, EncryptOrOptions): AES (ecb, cbc, ctr, cfb128) en/decryption; options encrypt and padding (none, pkcs_padding, zero)"},
		Native{Function: "crypto_one_time_aead", Arity: 6, Fn: cryptoOneTimeAEAD, Doc: "crypto_one_time_aead(Cipher, Key, IV, Data, AAD, true): AES-GCM encryption; {CipherText, Tag}"},
		Native{Function: "crypto_one_time_aead", Arity: 7, Fn: cryptoOneTimeAEAD, Doc: "crypto_one_time_aead(Cipher, Key, IV, Data, AAD, TagLength | Tag, Encrypt): AES-GCM encryption with a tag length, or decryption (error if the tag does not match)"},
	)
}

// aesCipher is a parsed AES cipher name: its mode and key size (0 when the
// key decides, as in aes_cbc).
type aesCipher struct {
	mode    string // ecb, cbc, ctr, cfb128, gcm
	keySize int
}

func parseAESCipher(t term.Term) (aesCipher, bool) {
	if !t.IsAtom() {
		return aesCipher{}, false
	}
	name := term.AtomName(t)
	var c aesCipher
	rest, ok := strings.CutPrefix(name, "aes_")
	if !ok {
		return c, false
	}
	for _, size := range []string{"128_", "192_", "256_"} {
		if r, ok := strings.CutPrefix(rest, size); ok {
			c.keySize, _ = strconv.Atoi(size[:3])
			c.keySize /= 8
			rest = r
			break
		}
	}
	switch rest {
	case "ecb", "cbc", "ctr", "cfb128", "gcm":
		c.mode = rest
		return c, true
	}
	return c, false
}

func (c aesCipher) block(key []byte) (cipher.Block, bool) {
	if (c.keySize != 0 && len(key) != c.keySize) || (len(key) != 16 && len(key) != 24 && len(key) != 32) {
		return nil, false
	}
	b, err := aes.NewCipher(key)
	return b, err == nil
}

var (
	atomCryptoEncrypt = term.Atom("encrypt")
	atomPkcsPadding   = term.Atom("pkcs_padding")
	atomPadZero       = term.Atom("zero")
	atomPadNone       = term.Atom("none")
)

// cryptoOptions reads true | false | [{encrypt, Bool}, {padding, P}].
func cryptoOptions(p *Process, t term.Term) (encrypt bool, padding term.Term, ok bool) {
	h := p.heap
	padding = atomPadNone
	if t.IsBoolean() {
		return t == term.True, padding, true
	}
	elems, isList := h.ListToSlice(t)
	if !isList {
		cryptoError(p, "api_ng.c", 120, "Options are not a boolean or a proper list")
		return false, padding, false
	}
	encrypt = true
	for _, e := range elems {
		if !h.IsTuple(e) || h.TupleSize(e) != 2 {
			cryptoError(p, "api_ng.c", 174, "Bad tag in option: "+h.Format(e))
			return false, padding, false
		}
		kv := h.TupleElems(e)
		switch {
		case kv[0] == atomCryptoEncrypt && kv[1].IsBoolean():
			encrypt = kv[1] == term.True
		case kv[0] == atomCryptoEncrypt:
			cryptoError(p, "api_ng.c", 155, "Bad 'encrypt' option value")
			return false, padding, false
		case kv[0] == atomPadding && (kv[1] == atomPadNone || kv[1] == atomPkcsPadding || kv[1] == atomPadZero ||
			kv[1] == term.AtomUndefined):
			padding = kv[1]
			if padding == term.AtomUndefined {
				padding = atomPadNone
			}
		case kv[0] == atomPadding:
			cryptoError(p, "api_ng.c", 168, "Bad 'padding' option value")
			return false, padding, false
		default:
			cryptoError(p, "api_ng.c", 174, "Bad tag in option: "+h.Format(kv[0]))
			return false, padding, false
		}
	}
	return encrypt, padding, true
}

func cryptoOneTime(p *Process, args []term.Term) term.Term {
	h := p.heap
	c, ok := parseAESCipher(args[0])
	if !ok || c.mode == "gcm" {
		return cryptoError(p, "api_ng.c", 242, "Unknown cipher")
	}
	key, ok := binaryArg(h, args[1])
	if !ok {
		return cryptoError(p, "api_ng.c", 244, "Bad key size")
	}
	block, ok := c.block(key)
	if !ok {
		return cryptoError(p, "api_ng.c", 244, "Bad key size")
	}
	var iv []byte
	data, opts := args[2], args[3]
	if len(args) == 5 {
		if iv, ok = binaryArg(h, args[2]); !ok {
			return cryptoError(p, "api_ng.c", 310, "Bad iv size")
		}
		data, opts = args[3], args[4]
	}
	if c.mode != "ecb" && len(iv) != aes.BlockSize {
		return cryptoError(p, "api_ng.c", 310, "Bad iv size")
	}
	encrypt, padding, ok := cryptoOptions(p, opts)
	if !ok {
		return term.NoValue
	}
	in, ok := iodataArg(h, data)
	if !ok {
		return cryptoError(p, "api_ng.c", 966, "expected binary as data")
	}
	var out []byte
	switch c.mode {
	case "ctr":
		out = make([]byte, len(in))
		cipher.NewCTR(block, iv).XORKeyStream(out, in)
	case "cfb128":
		out = make([]byte, len(in))
		if encrypt {
			cipher.NewCFBEncrypter(block, iv).XORKeyStream(out, in)
		} else {
			cipher.NewCFBDecrypter(block, iv).XORKeyStream(out, in)
		}
	default: // ecb, cbc: whole blocks
		if encrypt {
			in = padBlocks(in, padding)
		}
		// Without padding OTP drops a last partial block.
		in = in[:len(in)/aes.BlockSize*aes.BlockSize]
		out = make([]byte, len(in))
		runBlocks(block, c.mode, iv, encrypt, out, in)
		if !encrypt && padding == atomPkcsPadding {
			if out, ok = unpadPKCS(out); !ok {
				return p.Error(h.Tuple(term.AtomError, h.Tuple(charList(h, "api_ng.c"), term.MakeSmall(638)),
					charList(h, "Can't finalize")))
			}
		}
	}
	return h.MakeBinary(out)
}

// padBlocks pads data to whole blocks: PKCS #7 always adds 1..16 bytes;
// zero padding fills a partial last block with zeros.
func padBlocks(data []byte, padding term.Term) []byte {
	n := aes.BlockSize - len(data)%aes.BlockSize
	switch padding {
	case atomPkcsPadding:
		return append(append([]byte(nil), data...), bytes.Repeat([]byte{byte(n)}, n)...)
	case atomPadZero:
		if n != aes.BlockSize {
			return append(append([]byte(nil), data...), make([]byte, n)...)
		}
	}
	return data
}

func unpadPKCS(b []byte) ([]byte, bool) {
	if len(b) == 0 {
		return nil, false
	}
	n := int(b[len(b)-1])
	if n == 0 || n > aes.BlockSize || n > len(b) {
		return nil, false
	}
	for _, c := range b[len(b)-n:] {
		if int(c) != n {
			return nil, false
		}
	}
	return b[:len(b)-n], true
}

// runBlocks en/decrypts whole blocks in ECB or CBC mode.
func runBlocks(block cipher.Block, mode string, iv []byte, encrypt bool, out, in []byte) {
	if mode == "cbc" {
		if encrypt {
			cipher.NewCBCEncrypter(block, iv).CryptBlocks(out, in)
		} else {
			cipher.NewCBCDecrypter(block, iv).CryptBlocks(out, in)
		}
		return
	}
	for i := 0; i < len(in); i += aes.BlockSize {
		if encrypt {
			block.Encrypt(out[i:], in[i:])
		} else {
			block.Decrypt(out[i:], in[i:])
		}
	}
}

func cryptoOneTimeAEAD(p *Process, args []term.Term) term.Term {
	h := p.heap
	c, ok := parseAESCipher(args[0])
	if !ok || c.mode != "gcm" {
		return p.Error(h.Tuple(term.AtomBadarg, charList(h, "Not an AEAD cipher")))
	}
	key, ok := binaryArg(h, args[1])
	var block cipher.Block
	if ok {
		block, ok = c.block(key)
	}
	if !ok {
		return cryptoError(p, "aead.c", 90, "Unknown cipher or invalid key size")
	}
	iv, ok := binaryArg(h, args[2])
	if !ok || len(iv) == 0 {
		return cryptoError(p, "aead.c", 111, "Bad IV length")
	}
	in, ok1 := iodataArg(h, args[3])
	aad, ok2 := iodataArg(h, args[4])
	if !ok1 || !ok2 {
		return p.Badarg()
	}
	gcm, err := cipher.NewGCMWithNonceSize(block, len(iv))
	if err != nil {
		return cryptoError(p, "aead.c", 111, "Bad IV length")
	}
	encrypt, tagLen, tag := args[5], gcm.Overhead(), []byte(nil)
	if len(args) == 6 && encrypt != term.True {
		return p.Error(term.AtomFunctionClause) // OTP's /6 only encrypts
	}
	if len(args) == 7 {
		encrypt = args[6]
		if encrypt == term.True {
			n, ok := smallArg(args[5])
			if !ok || n < 1 || n > int64(gcm.Overhead()) {
				return p.Error(h.Tuple(term.AtomError, h.Tuple(charList(h, "aead.c"), term.MakeSmall(156)),
					charList(h, "Can't get Tag")))
			}
			tagLen = int(n)
		} else if tag, ok = binaryArg(h, args[5]); !ok {
			return cryptoError(p, "aead.c", 77, "non-binary Tag")
		}
	}
	switch encrypt {
	case term.True:
		sealed := gcm.Seal(nil, iv, in, aad)
		ct := sealed[:len(in)]
		return h.Tuple(h.MakeBinary(ct), h.MakeBinary(sealed[len(in):len(in)+tagLen]))
	case term.False:
		// GCM's keystream is the encryption of zeros: decrypt with it, then
		// check the (possibly truncated) tag of that plaintext.
		ks := gcm.Seal(nil, iv, make([]byte, len(in)), nil)[:len(in)]
		pt := make([]byte, len(in))
		subtle.XORBytes(pt, in, ks)
		want := gcm.Seal(nil, iv, pt, aad)[len(in):]
		if len(tag) == 0 || len(tag) > len(want) || subtle.ConstantTimeCompare(tag, want[:len(tag)]) != 1 {
			return term.AtomError
		}
		return h.MakeBinary(pt)
	}
	return p.Error(term.AtomFunctionClause)
}
