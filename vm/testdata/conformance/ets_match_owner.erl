%% Who owns a table, as the registry-style programs that match on tables
%% rely on: give_away/3, the heir option and the tables of a process that
%% ends; info/1 and all/0.
-module(ets_match_owner).
-export([start/0]).

err(F) -> try F() catch C:R -> {C, R} end.

%% Runs Fun in a process of its own and waits for it to end.
in_process(Fun) ->
    Self = self(),
    {Pid, Ref} = spawn_monitor(fun() -> Self ! {self(), Fun()} end),
    R = receive {Pid, X} -> X end,
    receive {'DOWN', Ref, process, Pid, _} -> ok end,
    R.

start() ->
    Self = self(),
    %% give_away: the new owner is told; the old one may no longer write
    %% a protected table.
    T = ets:new(gift, [named_table]),
    ets:insert(T, {k, 1}),
    Receiver = spawn(fun() ->
                             receive {'ETS-TRANSFER', Tab, From, Data} ->
                                     Self ! {received, Tab, From =:= Self, Data, ets:info(Tab, owner) =:= self()}
                             end,
                             receive stop -> ok end
                     end),
    GiveAway = ets:give_away(gift, Receiver, hello),
    Got = receive {received, _, _, _, _} = M -> M end,
    AfterGive = {ets:info(gift, owner) =:= Receiver, err(fun() -> ets:insert(gift, {k, 2}) end), ets:lookup(gift, k)},
    NotOwner = err(fun() -> ets:give_away(gift, self(), again) end),
    Receiver ! stop,
    %% heir: the table passes to a live heir when its owner ends.
    Heir = in_process(fun() ->
                              ets:new(inherited, [named_table, {heir, Self, heir_data}]),
                              ets:insert(inherited, {a, 1}),
                              ok
                      end),
    Transfer = receive {'ETS-TRANSFER', Tab, _From, Data} -> {Tab, Data} after 1000 -> none end,
    Inherited = {Heir, Transfer, ets:info(inherited, owner) =:= Self, ets:info(inherited, heir) =:= Self,
                 ets:lookup(inherited, a)},
    %% no heir, or a heir that has ended: the table goes with its owner.
    Dead = spawn(fun() -> ok end),
    DeadRef = monitor(process, Dead),
    receive {'DOWN', DeadRef, _, _, _} -> ok end,
    Tid = in_process(fun() ->
                             ets:new(orphan, [named_table, public, {heir, Dead, x}]),
                             ets:new(unnamed, [public])
                     end),
    Gone = {ets:info(orphan, size), ets:whereis(orphan), ets:info(Tid, size), err(fun() -> ets:lookup(Tid, a) end),
            ets:new(orphan, [named_table]) =:= orphan, ets:info(orphan, heir)},
    [{give_away, GiveAway, Got, AfterGive, NotOwner}, {heir, Inherited}, {gone, Gone}, {info, info()}].

%% info/1 lists every item in a fixed order; ets:all/0 the live tables.
info() ->
    Plain = ets:new(plain, []),
    Tuned = ets:new(tuned, [ordered_set, named_table, public, compressed, {keypos, 2},
                            {read_concurrency, true}, {write_concurrency, true}, {heir, self(), data}]),
    Items = fun(T) -> [{K, V} || {K, V} <- ets:info(T), not lists:member(K, [id, memory, owner, heir])] end,
    [{keys, [K || {K, _} <- ets:info(Plain)]}, Items(Plain), Items(Tuned),
     {heir, ets:info(Tuned, heir) =:= self(), ets:info(Plain, heir)},
     {id, ets:info(Plain, id) =:= Plain, is_reference(ets:info(Tuned, id))},
     {memory, is_integer(ets:info(Plain, memory))},
     {all, lists:member(Plain, ets:all()), lists:member(tuned, ets:all()), ets:delete(Plain),
      lists:member(Plain, ets:all())},
     {gone, ets:info(Plain), ets:info(Plain, size)},
     {bad_item, err(fun() -> ets:info(Tuned, nonsense) end)}].
