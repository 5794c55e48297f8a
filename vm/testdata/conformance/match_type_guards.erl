%% Type-test guards on every kind of term: is_boolean/is_pid/is_reference/is_port/is_function/2, /= guards.
-module(match_type_guards).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

kind(X) when is_boolean(X) -> boolean;
kind(X) when is_atom(X) -> atom;
kind(X) when is_integer(X) -> integer;
kind(X) when is_float(X) -> float;
kind(X) when is_pid(X) -> pid;
kind(X) when is_reference(X) -> reference;
kind(X) when is_port(X) -> port;
kind(X) when is_function(X, 0) -> fun0;
kind(X) when is_function(X) -> function;
kind(X) when is_binary(X) -> binary;
kind(X) when is_bitstring(X) -> bitstring;
kind([]) -> nil;
kind([_ | _]) -> cons;
kind(X) when is_tuple(X) -> tuple;
kind(X) when is_map(X) -> map.

num_kind(X) when is_number(X), X /= 0 -> nonzero;
num_kind(X) when is_number(X) -> zero;
num_kind(_) -> nan.

neq(A, B) when A /= B, is_integer(A) -> int_ne;
neq(A, _) when is_atom(A) -> atom;
neq(_, _) -> other.

start() ->
    Terms = [true, false, ok, 1, 1 bsl 80, 1.5, self(), make_ref(), fun() -> 0 end,
             fun(X) -> X end, fun erlang:abs/1, <<1>>, <<1:1>>, [], [a], {}, {a, b}, #{}],
    [{kinds, [kind(T) || T <- Terms]},
     {bifs, [{is_boolean(T), is_pid(T), is_reference(T), is_port(T)} || T <- [true, self(), make_ref(), 1]]},
     {num_kind, [num_kind(X) || X <- [0, 0.0, 3, -2.5, a]]},
     {neq, [neq(A, B) || {A, B} <- [{1, 1.0}, {1, 2}, {a, a}, {a, b}, {"x", "x"}, {2.0, 3}]]}].
