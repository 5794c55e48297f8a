%% ~p, ~w, ~P and ~W of maps with atom keys, printed in key order (OTP 26
%% and later order atom keys by their place in the atom table, so those
%% releases print some of these maps differently).
-module(stdlib_io_format_maps).
-export([start/0]).

start() ->
    Maps = [#{a => 1, b => [1, 2, 3], c => "string", {t, 1} => <<"bin">>},
            #{city => "Stockholm", country => sweden, zip => 11122},
            #{a => 1, b => 2, c => 3, d => #{e => 5}},
            #{name => "avm", tags => [io, format], config => #{log_level => info, handlers => [default]}},
            maps:from_list([{list_to_atom([$k | integer_to_list(K)]), lists:seq(1, K)} || K <- lists:seq(1, 12)]),
            {state, #{pid => undefined, count => 0, queue => lists:seq(1, 30)}}],
    [[fmt(F, [M]) || F <- ["~p", "~w", "~40p", "~tp"]] ++
     [fmt(F, [M, D]) || F <- ["~P", "~W"], D <- [1, 2, 3, 5]]
     || M <- Maps] ++
    [lists:flatten(io_lib:write(#{a => 1, b => 2, c => 3}, 2))].

fmt(F, A) ->
    try lists:flatten(io_lib:format(F, A))
    catch C:R -> {C, R}
    end.
