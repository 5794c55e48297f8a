// Package numtext converts numbers to and from text exactly as Erlang/OTP 25
// does.
//
// The BEAM interpreter uses it for the number/text BIFs and for io_lib:
//
//   - [FormatFloatShort]: io_lib:format("~w"/"~p") and
//     float_to_list(F, [short]) (the two are identical in OTP 25: io_lib
//     calls float_to_list/2 with [short]).
//   - [FormatFloat]: float_to_list/1,2 and float_to_binary/1,2 with all of
//     their options, including OTP's quirks (buffer-length badargs,
//     half-away-from-zero rounding of {decimals, N} for N < 19, ...).
//   - [FormatFloatDisplay]: how erlang:display/1 prints a float.
//   - [FormatFixed], [FormatExp], [FormatG]: io_lib:format's ~f, ~e and ~g
//     conversions (the digits only; field width and padding are left to the
//     caller).
//   - [ParseFloat]: list_to_float/1 and binary_to_float/1.
//   - [ParseInteger], [FormatInteger], [FormatInt64]: list_to_integer/1,2,
//     binary_to_integer/1,2, integer_to_list/1,2 and integer_to_binary/1,2.
//
// Every rule implemented here was checked against a real OTP 25 runtime; the
// expected strings in the tests were produced by erl. Floats are IEEE-754
// doubles; BEAM floats are always finite, so behaviour for NaN and infinities
// is only defined where stated.
//
// Functions that can fail the way a BIF fails with badarg return
// [ErrBadArg].
package numtext

import "errors"

// ErrBadArg is returned where the corresponding Erlang function raises
// error:badarg.
var ErrBadArg = errors.New("badarg")
