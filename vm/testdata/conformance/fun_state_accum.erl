%% Closures as state machines and accumulators (functional objects).
-module(fun_state_accum).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

stack() -> stack([]).
stack(S) ->
    fun({push, X}) -> stack([X | S]);
       (pop) -> case S of [H | T] -> {H, stack(T)}; [] -> {empty, stack([])} end;
       (peek) -> S
    end.

account(Bal) ->
    fun({deposit, N}) when N > 0 -> account(Bal + N);
       ({withdraw, N}) when N =< Bal -> account(Bal - N);
       ({withdraw, _}) -> {error, insufficient, account(Bal)};
       (balance) -> Bal
    end.

memo_fib(N) -> element(1, memo_fib(N, #{0 => 0, 1 => 1})).
memo_fib(N, M) ->
    case M of
        #{N := V} -> {V, M};
        _ ->
            {A, M1} = memo_fib(N - 1, M),
            {B, M2} = memo_fib(N - 2, M1),
            {A + B, M2#{N => A + B}}
    end.

start() ->
    S0 = stack(),
    S1 = (S0({push, 1})),
    S2 = S1({push, 2}),
    {Top, S3} = S2(pop),
    A0 = account(100),
    A1 = A0({deposit, 50}),
    A2 = A1({withdraw, 120}),
    {error, Why, A3} = A2({withdraw, 1000}),
    [{stack, S2(peek), Top, S3(peek), element(1, (stack())(pop))},
     {account, A1(balance), A2(balance), Why, A3(balance)},
     {clause, try A0({deposit, -5}) catch error:R -> R end},
     {memo_fib, memo_fib(90)}].
