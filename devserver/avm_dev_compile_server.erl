%% The devserver's compile server: a long-lived erl node that compiles one
%% Erlang source per request, so that a change costs a compile and not a
%% BEAM boot. Driven over stdin/stdout with 4-byte length-prefixed frames
%% (see compiler.go for the Go side and the frame layouts).
-module(avm_dev_compile_server).
-export([main/0]).

main() ->
    %% stdout carries the frames: what compilers print (Elixir's
    %% "== Compilation error" report) and log reports go to stderr.
    group_leader(whereis(standard_error), self()),
    logger:remove_handler(default),
    logger:add_handler(default, logger_std_h, #{config => #{type => standard_error}}),
    Port = open_port({fd, 0, 1}, [binary, {packet, 4}, eof]),
    loop(Port).

loop(Port) ->
    receive
        {Port, {data, Request}} ->
            Reply = try handle(Request)
                    catch Class:Reason:Stack ->
                        failure(io_lib:format("compile server: ~p:~p ~p", [Class, Reason, Stack]))
                    end,
            port_command(Port, Reply),
            loop(Port);
        {Port, eof} ->
            halt(0)
    end.

%% A request is the text of an Erlang term:
%%   {compile, File, IncludeDirs, ErlcFlags}   one Erlang module, returned
%%   {elixir, Files, OutDir}                   Elixir sources, written to OutDir
handle(Request) ->
    {ok, Tokens, _} = erl_scan:string(unicode:characters_to_list(Request)),
    {ok, Term} = erl_parse:parse_term(Tokens),
    handle_term(Term).

handle_term({compile, File, Includes, Flags}) ->
    Opts = [binary, return_errors, return_warnings | [{i, I} || I <- Includes]] ++ flags(Flags),
    case compile:file(File, Opts) of
        {ok, Module, Beam, Warnings} ->
            reply(0, atom_to_binary(Module, utf8), Beam, diags(1, Warnings));
        {error, Errors, Warnings} ->
            reply(1, <<>>, <<>>, diags(0, Errors) ++ diags(1, Warnings))
    end;
handle_term({elixir, Files, OutDir}) ->
    %% Elixir sources depend on each other at compile time (macros,
    %% structs): they compile together, as elixirc compiles them.
    {ok, _} = application:ensure_all_started(elixir),
    Bins = [unicode:characters_to_binary(F) || F <- Files],
    case 'Elixir.Kernel.ParallelCompiler':compile_to_path(Bins, unicode:characters_to_binary(OutDir), []) of
        {ok, _Modules, Warnings} ->
            reply(0, <<>>, <<>>, ex_diags(1, Warnings));
        {error, Errors, Warnings} ->
            reply(1, <<>>, <<>>, ex_diags(0, Errors) ++ ex_diags(1, Warnings))
    end.

%% Elixir's diagnostics: {File, Position, Message} tuples (Elixir 1.14),
%% or maps (1.15 and later).
ex_diags(Severity, List) when is_list(List) ->
    [ex_diag(Severity, D) || D <- List];
ex_diags(Severity, #{compile_warnings := C, runtime_warnings := R}) ->
    ex_diags(Severity, C ++ R).

ex_diag(Severity, #{file := File, position := Pos, message := Message}) ->
    ex_diag(Severity, {File, Pos, Message});
ex_diag(Severity, {File, Pos, Message}) ->
    Loc = case Pos of
              {L, C} when is_integer(L), is_integer(C) -> {L, C};
              L when is_integer(L) -> L;
              _ -> none
          end,
    F = case File of
            nil -> "";
            _ -> File
        end,
    diag(Severity, F, Loc, text, Message).

%% erlc's flags, as the project reads them from rebar.config.
flags([]) -> [];
flags(["+" ++ Term | Rest]) -> [parse(Term) | flags(Rest)];
flags(["-D" ++ Def | Rest]) ->
    Opt = case string:split(Def, "=") of
              [Name] -> {d, list_to_atom(Name)};
              [Name, Value] -> {d, list_to_atom(Name), parse(Value)}
          end,
    [Opt | flags(Rest)];
flags(["-I" ++ Dir | Rest]) -> [{i, Dir} | flags(Rest)];
flags([_ | Rest]) -> flags(Rest).

parse(Text) ->
    {ok, Tokens, _} = erl_scan:string(Text ++ "."),
    {ok, Term} = erl_parse:parse_term(Tokens),
    Term.

diags(Severity, PerFile) ->
    [diag(Severity, File, Loc, Mod, Desc) || {File, Items} <- PerFile, {Loc, Mod, Desc} <- Items].

diag(Severity, File, Loc, Mod, Desc) ->
    {Line, Col} = case Loc of
                      {L, C} when is_integer(L), is_integer(C) -> {L, C};
                      L when is_integer(L) -> {L, 0};
                      _ -> {0, 0}
                  end,
    Message = case Mod of
                  text -> unicode:characters_to_binary(Desc);
                  _ -> unicode:characters_to_binary(io_lib:format("~ts", [Mod:format_error(Desc)]))
              end,
    FileBin = unicode:characters_to_binary(File),
    <<Severity:8, Line:32, Col:32, (byte_size(FileBin)):16, FileBin/binary,
      (byte_size(Message)):32, Message/binary>>.

failure(Text) ->
    Message = unicode:characters_to_binary(Text),
    reply(2, <<>>, <<>>, [<<0:8, 0:32, 0:32, 0:16, (byte_size(Message)):32, Message/binary>>]).

%% Status 0 compiled, 1 compile errors, 2 the server failed.
reply(Status, Module, Beam, Diags) ->
    [<<Status:8, (length(Diags)):32>>, Diags,
     <<(byte_size(Module)):16>>, Module, <<(byte_size(Beam)):32>>, Beam].
