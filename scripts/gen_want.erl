%% gen_want: runs the conformance programs of one directory on this erl and
%% writes what each prints, for scripts/gen-fixtures.sh.
%%
%%   erl -noshell -pa DRV -run gen_want main EBIN OUTDIR [@alone] [MODULE...]
%%
%% For every module in EBIN that exports start/0 (or only the MODULEs),
%% OUTDIR/NAME.want gets what
%%
%%   erl -noshell -pa EBIN -eval 'io:format("~w~n", [NAME:start()]), halt().'
%%
%% prints on stdout. Starting an erl per program would take most of the time,
%% so one child erl runs them all (`serve`): each in a fresh process whose
%% group leader forwards to the child's `user`, the same io server that the
%% command above prints through (so encodings behave alike); after each
%% program the processes it left are killed, `user`'s options are restored and
%% a marker goes to stdout, where this parent splits the stream. A program
%% that calls erlang:display* (itself or through another corpus module) writes
%% to the emulator's stdout, past `user`, so it runs in an erl of its own
%% (`one`), as every program does with @alone (a word that erl does not take
%% for one of its own flags, as it would --alone).
%%
%% A program that raises, times out or dies gets OUTDIR/NAME.failed, saying
%% so, instead of NAME.want.
%%
%% Exit status: 0 all ran; 1 some program failed; 2 bad setup.
-module(gen_want).
-export([main/1, serve/1, one/1]).

-define(TIMEOUT_MS, 10000).

main([Ebin, OutDir, "@alone" | Only]) ->
    main(Ebin, OutDir, Only, true);
main([Ebin, OutDir | Only]) ->
    main(Ebin, OutDir, Only, false);
main(Args) ->
    fatal("usage: erl -noshell -run gen_want main EBIN OUTDIR [@alone] [MODULE...] (got ~p)", [Args]).

main(Ebin, OutDir, Only, AllAlone) ->
    T0 = erlang:monotonic_time(millisecond),
    Infos = infos(Ebin),
    Clashes = [M || {M, _, _} <- Infos, is_otp(M)],
    Clashes =:= [] orelse
        fatal("~s: modules named like OTP's own shadow them and break erl: ~w; rename them",
              [Ebin, Clashes]),
    ok = filelib:ensure_path(OutDir),
    Isolated = isolated(Infos),
    Progs = [M || {M, Exports, _} <- Infos, lists:member({start, 0}, Exports),
                  Only =:= [] orelse lists:member(atom_to_list(M), Only)],
    {Alone, Together} = lists:partition(fun(M) -> AllAlone orelse lists:member(M, Isolated) end, Progs),
    Results = run_together(Together, Ebin) ++ [{M, run_alone(M, Ebin)} || M <- Alone],
    Failed = [M || {M, {Res, Out}} <- Results,
                   begin
                       Base = filename:join(OutDir, atom_to_list(M)),
                       case Res of
                           ok -> ok = file:write_file(Base ++ ".want", Out);
                           _ -> report(M, Res),
                                ok = file:write_file(Base ++ ".failed", [describe(Res), $\n])
                       end,
                       Res =/= ok
                   end],
    Only =:= [] andalso
        io:format(standard_error, "  ran ~b programs (~b in an erl of their own) in ~.1f s~n",
                  [length(Progs), length(Alone), (erlang:monotonic_time(millisecond) - T0) / 1000]),
    halt(case Failed of [] -> 0; _ -> 1 end).

is_otp(M) ->
    case code:which(M) of
        preloaded -> true;
        P when is_list(P) -> lists:prefix(code:root_dir(), P);
        _ -> false
    end.

infos(Ebin) ->
    [begin
         {ok, {M, [{exports, Exp}, {imports, Imp}]}} = beam_lib:chunks(F, [exports, imports]),
         {M, Exp, Imp}
     end || F <- filelib:wildcard(filename:join(Ebin, "*.beam"))].

%% Modules that write to the emulator's stdout: they import erlang:display*
%% themselves or call a corpus module that does.
isolated(Infos) ->
    Corpus = [M || {M, _, _} <- Infos],
    Direct = [M || {M, _, Imp} <- Infos,
                   lists:any(fun({erlang, F, _}) -> lists:member(F, [display, display_string, display_nl]);
                                (_) -> false
                             end, Imp)],
    Calls = [{M, [C || {C, _, _} <- Imp, C =/= M, lists:member(C, Corpus)]} || {M, _, Imp} <- Infos],
    closure(Direct, Calls).

closure(Set, Calls) ->
    case [M || {M, Cs} <- Calls, not lists:member(M, Set), lists:any(fun(C) -> lists:member(C, Set) end, Cs)] of
        [] -> Set;
        More -> closure(Set ++ lists:usort(More), Calls)
    end.

%% run_together(Mods, Ebin) -> [{M, {Result, Output}}]: one child erl runs them all.
run_together([], _Ebin) ->
    [];
run_together(Mods, Ebin) ->
    Nonce = integer_to_list(erlang:unique_integer([positive])) ++ "." ++ os:getpid(),
    Port = spawn_erl(Ebin, ["serve", Nonce | [atom_to_list(M) || M <- Mods]]),
    Deadline = erlang:monotonic_time(millisecond) + (?TIMEOUT_MS + 1000) * length(Mods) + 30000,
    {Exit, Data} = collect(Port, Deadline, []),
    %% Data: Out1 Marker Status1 \0 Out2 Marker Status2 \0 ... where the
    %% marker is \0gen_want NONCE and a status is ok | raised | timeout | died.
    [First | Rest] = binary:split(iolist_to_binary(Data), marker(Nonce), [global]),
    split(Mods, First, Rest, Exit).

marker(Nonce) -> iolist_to_binary([0, "gen_want ", Nonce, " "]).

split([], _Out, _Rest, _Exit) ->
    [];
split([M | Ms], Out, [Part | Rest], Exit) ->
    [Status, Next] = binary:split(Part, <<0>>),
    [{M, {binary_to_atom(Status, latin1), Out}} | split(Ms, Next, Rest, Exit)];
split([M | Ms], Out, [], Exit) ->
    %% The child stopped before finishing M.
    [{M, {{died, Exit}, Out}} | [{N, {{died, Exit}, <<>>}} || N <- Ms]].

%% serve([Nonce | Names]): the child erl's side of run_together.
serve([Nonce | Names]) ->
    %% Crash reports of the processes a program leaves behind would reach
    %% stdout later, inside the next program's output; alone, the erl halts
    %% before logger prints them.
    ok = logger:set_primary_config(level, none),
    Opts = io:getopts(user),
    lists:foreach(
        fun(Name) ->
            Status = run_here(list_to_atom(Name)),
            try io:setopts(user, Opts) catch _:_ -> ok end,
            ok = io:put_chars(user, [marker(Nonce), atom_to_list(Status), 0])
        end, Names),
    halt(0).

run_here(M) ->
    Proxy = spawn(fun proxy/0),
    {Pid, Ref} = spawn_monitor(
        fun() ->
            group_leader(Proxy, self()),
            R = try M:start() of
                    V -> io:format("~w~n", [V]), ok
                catch
                    C:E:St ->
                        io:format(standard_error, "  ~s: ~s~n", [M, describe({raised, C, E, St})]),
                        raised
                end,
            exit({gen_want, R})
        end),
    Res = receive
              {'DOWN', Ref, process, Pid, {gen_want, R}} -> R;
              {'DOWN', Ref, process, Pid, Why} ->
                  io:format(standard_error, "  ~s: ~s~n", [M, describe({died, Why})]),
                  died
          after ?TIMEOUT_MS ->
              exit(Pid, kill),
              timeout
          end,
    %% Whatever the program spawned inherited its group leader.
    [exit(P, kill) || P <- processes(), P =/= self(), P =/= Proxy,
                      process_info(P, group_leader) =:= {group_leader, Proxy}],
    exit(Proxy, kill),
    Res.

%% A group leader that passes io requests on to `user` and its replies back.
proxy() ->
    receive
        {io_request, From, ReplyAs, Request} ->
            Ref = erlang:monitor(process, user),
            user ! {io_request, self(), Ref, Request},
            receive
                {io_reply, Ref, Reply} ->
                    erlang:demonitor(Ref, [flush]),
                    From ! {io_reply, ReplyAs, Reply};
                {'DOWN', Ref, _, _, _} ->
                    From ! {io_reply, ReplyAs, {error, terminated}}
            end,
            proxy();
        _ ->
            proxy()
    end.

%% run_alone(M, Ebin) -> {Result, Output}: M runs in an erl of its own.
run_alone(M, Ebin) ->
    Port = spawn_erl(Ebin, ["one", atom_to_list(M)]),
    {Exit, Data} = collect(Port, erlang:monotonic_time(millisecond) + ?TIMEOUT_MS, []),
    Res = case Exit of
              {exit_status, 0} -> ok;
              {exit_status, 3} -> raised;
              timeout -> timeout;
              _ -> {died, Exit}
          end,
    {Res, iolist_to_binary(Data)}.

%% one([Name]): an isolated program's erl; prints like the -eval line.
one([Name]) ->
    try (list_to_atom(Name)):start() of
        V ->
            io:format("~w~n", [V]),
            halt(0)
    catch
        C:R:St ->
            io:format(standard_error, "  ~s: ~s~n", [Name, describe({raised, C, R, St})]),
            halt(3)
    end.

spawn_erl(Ebin, Args) ->
    Drv = filename:dirname(code:which(?MODULE)),
    open_port({spawn_executable, os:find_executable("erl")},
              %% +P: the process benchmarks spawn a million processes.
              [{args, ["-noshell", "+P", "2000000", "-pa", Ebin, "-pa", Drv, "-run", atom_to_list(?MODULE) | Args]},
               binary, stream, exit_status, use_stdio]).

collect(Port, Deadline, Acc) ->
    Left = max(0, Deadline - erlang:monotonic_time(millisecond)),
    receive
        {Port, {data, D}} -> collect(Port, Deadline, [Acc | D]);
        {Port, {exit_status, S}} -> {{exit_status, S}, Acc}
    after Left ->
        case erlang:port_info(Port, os_pid) of
            {os_pid, OsPid} -> os:cmd("kill -9 " ++ integer_to_list(OsPid));
            undefined -> ok
        end,
        try port_close(Port) catch error:_ -> ok end,
        {timeout, Acc}
    end.

report(_M, raised) -> ok;  % the program's erl said why
report(_M, died) -> ok;
report(M, Res) -> io:format(standard_error, "  ~s: ~s~n", [M, describe(Res)]).

describe(raised) -> "start/0 raised (the reason is printed above)";
describe(died) -> "the program's process died (the reason is printed above)";
describe({raised, C, R, St}) ->
    io_lib:format("start/0 raised ~p:~0p~n    ~0p", [C, R, lists:sublist(St, 3)]);
describe(timeout) -> io_lib:format("start/0 did not return within ~b s", [?TIMEOUT_MS div 1000]);
describe({died, Why}) -> io_lib:format("the program's process died: ~0p", [Why]).

fatal(Fmt, Args) ->
    io:format(standard_error, "gen_want: " ++ Fmt ++ "~n", Args),
    halt(2).
