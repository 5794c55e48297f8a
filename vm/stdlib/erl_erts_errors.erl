%% erl_erts_errors: why a built-in function raised (EEP 54, OTP 24+).
%%
%% When a BIF of the erlang module (or persistent_term:get/1) fails, the
%% first frame of the stacktrace carries the call's arguments and the
%% location entry {error_info, #{module => erl_erts_errors}}. Error
%% reporters (Elixir's ArgumentError messages, shells, logger reports)
%% call format_error(Reason, Stacktrace) and get a map from argument
%% number to what is wrong with that argument. The explanations are
%% worked out again from the arguments, so they say what OTP 25 says;
%% BIFs not described here get the empty map, and the reporter falls back
%% to its generic message.
-module(erl_erts_errors).
-export([format_error/2]).

-spec format_error(Reason, Stacktrace) -> #{pos_integer() => unicode:chardata()} when
      Reason :: term(),
      Stacktrace :: [tuple()].
format_error(system_limit, _) ->
    %% The reason says it all.
    #{};
format_error(_, [{erlang, F, Args, Loc} | _]) when is_list(Args), is_list(Loc) ->
    numbered(erlang_bif(F, Args, cause(Loc)));
format_error(_, [{persistent_term, get, [_], _} | _]) ->
    #{1 => <<"no persistent term stored with this key">>};
format_error(_, _) ->
    #{}.

cause(Loc) ->
    case lists:keyfind(error_info, 1, Loc) of
        {error_info, #{cause := Cause}} -> Cause;
        _ -> none
    end.

%% numbered turns a list with one entry per argument ([] when the argument
%% is fine) into the map of messages.
numbered(Problems) ->
    numbered(Problems, 1, #{}).

numbered([[] | Ps], N, Map) -> numbered(Ps, N + 1, Map);
numbered([P | Ps], N, Map) -> numbered(Ps, N + 1, Map#{N => text(P)});
numbered([], _, Map) -> Map.

%% erlang_bif(Name, Args, Cause): the problem with each argument.
erlang_bif(F, [_], _) when F =:= abs; F =:= float; F =:= round; F =:= trunc;
                           F =:= ceil; F =:= floor ->
    [not_number];
erlang_bif(F, [_], _) when F =:= hd; F =:= tl ->
    [not_cons];
erlang_bif(F, [_], _) when F =:= length; F =:= list_to_tuple ->
    [not_list];
erlang_bif(F, [_], _) when F =:= tuple_size; F =:= tuple_to_list ->
    [not_tuple];
erlang_bif(append_element, [_, _], _) ->
    [not_tuple];
erlang_bif(F, [_], _) when F =:= byte_size; F =:= bit_size; F =:= bitstring_to_list ->
    [not_bitstring];
erlang_bif(size, [_], _) ->
    [<<"not tuple or binary">>];
erlang_bif(F, [_], _) when F =:= atom_to_list; F =:= atom_to_binary; F =:= whereis;
                           F =:= module_loaded; F =:= delete_module;
                           F =:= check_old_code; F =:= purge_module ->
    [not_atom];
erlang_bif(F, [_], _) when F =:= integer_to_binary; F =:= integer_to_list;
                           F =:= posixtime_to_universaltime ->
    [not_integer];
erlang_bif(F, [Int, Base], _) when F =:= integer_to_binary; F =:= integer_to_list ->
    [is(is_integer(Int), not_integer), base(Base)];
erlang_bif(F, [_], _) when F =:= float_to_binary; F =:= float_to_list ->
    [not_float];
erlang_bif(F, [Float, Options], _) when F =:= float_to_binary; F =:= float_to_list ->
    with_options(is(is_float(Float), not_float), Options);
erlang_bif(F, [_], _) when F =:= iolist_size; F =:= iolist_to_binary;
                           F =:= iolist_to_iovec; F =:= md5 ->
    [not_iodata];
erlang_bif(list_to_binary, [_], _) ->
    [<<"not an iolist term">>];
erlang_bif(list_to_bitstring, [_], _) ->
    [<<"not a bitstring list">>];
erlang_bif(binary_to_list, [_], _) ->
    [not_binary];
erlang_bif(binary_to_list, [Bin, Start, Stop], _) ->
    binary_range(Bin, Start, Stop);
erlang_bif(atom_to_binary, [Atom, Encoding], _) ->
    [if
         not is_atom(Atom) -> not_atom;
         Encoding =:= latin1 -> <<"contains a character not expressible in latin1">>;
         true -> []
     end,
     is(lists:member(Encoding, [latin1, unicode, utf8]), <<"is an invalid encoding option">>)];
erlang_bif(F, [Bin], Cause) when F =:= binary_to_atom; F =:= binary_to_existing_atom ->
    erlang_bif(F, [Bin, utf8], Cause);
erlang_bif(binary_to_atom, [Bin, Encoding], _) ->
    binary_atom(Bin, Encoding, []);
erlang_bif(binary_to_existing_atom, [Bin, Encoding], _) ->
    binary_atom(Bin, Encoding, non_existing_atom);
erlang_bif(list_to_atom, [List], _) ->
    [proper_list(List, not_string)];
erlang_bif(list_to_existing_atom, [List], _) ->
    case is_char_list(List) of
        true -> [non_existing_atom];
        false -> [proper_list(List, not_string)]
    end;
erlang_bif(binary_to_integer, [Bin], _) ->
    [binary(Bin, {not_text_of, <<"an integer">>})];
erlang_bif(binary_to_integer, [Bin, Base], _) ->
    case base(Base) of
        [] -> [binary(Bin, {not_text_of, <<"an integer">>})];
        Bad -> [binary(Bin, []), Bad]
    end;
erlang_bif(binary_to_float, [Bin], _) ->
    [binary(Bin, {not_text_of, <<"a float">>})];
erlang_bif(list_to_integer, [List], _) ->
    text_list(List, <<"an integer">>);
erlang_bif(list_to_integer, [List, Base], _) ->
    case base(Base) of
        [] -> [proper_list(List, {not_text_of, <<"an integer">>})];
        Bad -> [proper_list(List, []), Bad]
    end;
erlang_bif(list_to_float, [List], _) ->
    text_list(List, <<"a float">>);
erlang_bif(list_to_pid, [List], _) ->
    text_list(List, <<"a pid">>);
erlang_bif(list_to_port, [List], _) ->
    text_list(List, <<"a port">>);
erlang_bif(list_to_ref, [List], _) ->
    text_list(List, <<"a reference">>);
erlang_bif(F, [Index, Tuple | _], _) when F =:= element; F =:= setelement;
                                          F =:= insert_element; F =:= delete_element ->
    [tuple_index(Index, Tuple), is(is_tuple(Tuple), not_tuple)];
erlang_bif(make_tuple, [_, _], _) ->
    [range];
erlang_bif(make_tuple, [Arity, _, InitList], _) ->
    ArityProblem = int_at_least(Arity, 0),
    [ArityProblem, [], options_after(ArityProblem, InitList)];
erlang_bif(map_size, [_], _) ->
    [not_map];
erlang_bif(map_get, [_, Map], _) when is_map(Map) ->
    [<<"not present in map">>];
erlang_bif(F, [_, _], _) when F =:= map_get; F =:= is_map_key ->
    [[], not_map];
erlang_bif(binary_part, [Bin, {Pos, Len}], Cause) when is_integer(Pos), is_integer(Len) ->
    case erlang_bif(binary_part, [Bin, Pos, Len], Cause) of
        [BinProblem, [], []] -> [BinProblem];
        [BinProblem | _] -> [BinProblem, range]
    end;
erlang_bif(binary_part, [Bin, _], _) ->
    [binary(Bin, []), <<"not a valid {Pos,Length} tuple">>];
erlang_bif(binary_part, [Bin, Pos, Len], _) ->
    case [binary(Bin, []), int_at_least(Pos, 0), is(is_integer(Len), not_integer)] of
        [[], [], []] when Pos > byte_size(Bin) -> [[], range];
        [[], [], []] -> [[], [], range];
        Problems -> Problems
    end;
erlang_bif(split_binary, [Bin, Pos], _) ->
    case [binary(Bin, []), int_at_least(Pos, 0)] of
        [[], []] when Pos > byte_size(Bin) -> [[], range];
        Problems -> Problems
    end;
erlang_bif(binary_to_term, [Bin], _) ->
    [binary(Bin, bad_ext_term)];
erlang_bif(binary_to_term, [Bin, Options], Cause) ->
    OptionProblem = case Cause of
                        badopt -> proper_list(Options, bad_option);
                        _ -> []
                    end,
    case {binary(Bin, []), OptionProblem} of
        {[], []} ->
            case is_list(Options) andalso lists:member(safe, Options) of
                true -> [<<"invalid or unsafe external representation of a term">>];
                false -> [bad_ext_term]
            end;
        {BinProblem, _} ->
            [BinProblem, OptionProblem]
    end;
erlang_bif(F, [_, Options], _) when F =:= term_to_binary; F =:= term_to_iovec;
                                    F =:= external_size ->
    [[], option_list(Options)];
erlang_bif(F, [_, _], _) when F =:= send; F =:= send_nosuspend ->
    [bad_destination];
erlang_bif(F, [_, _, Options], Cause) when F =:= send; F =:= send_nosuspend ->
    case Cause of
        badopt -> [[], [], proper_list(Options, bad_option)];
        _ -> [bad_destination]
    end;
erlang_bif(F, [Fun], _) when F =:= spawn; F =:= spawn_link; F =:= spawn_monitor ->
    [is(is_function(Fun), not_fun)];
erlang_bif(F, [Node, Fun], _) when F =:= spawn; F =:= spawn_link; F =:= spawn_monitor ->
    [atom(Node), is(is_function(Fun), not_fun)];
erlang_bif(F, [M, Name, Args], _) when F =:= spawn; F =:= spawn_link;
                                       F =:= spawn_monitor; F =:= apply ->
    [atom(M), atom(Name), proper_list(Args, [])];
erlang_bif(F, [Node, M, Name, Args], _) when F =:= spawn; F =:= spawn_link;
                                             F =:= spawn_monitor ->
    [atom(Node), atom(M), atom(Name), proper_list(Args, [])];
erlang_bif(F, [_], _) when F =:= is_process_alive; F =:= unlink; F =:= unregister;
                           F =:= node; F =:= pid_to_list ->
    [not_pid];
erlang_bif(F, [_, _], _) when F =:= exit; F =:= exit_signal ->
    [not_pid];
erlang_bif(link, [Pid], _) ->
    [case is_pid(Pid) of
         true -> dead_process;
         false -> not_pid
     end];
erlang_bif(group_leader, [Leader, Pid], _) ->
    [is(is_pid(Leader), not_pid), is(is_pid(Pid), not_pid)];
erlang_bif(register, [Name, PidOrPort], Cause) ->
    register(Name, PidOrPort, Cause);
erlang_bif(process_info, [Pid], _) ->
    [local_pid(Pid)];
erlang_bif(process_info, [Pid, _], _) ->
    case local_pid(Pid) of
        [] -> [[], <<"invalid item or item list">>];
        Problem -> [Problem]
    end;
erlang_bif(monitor, [Type, Item | Options], Cause) ->
    monitor(Type, Item, Options, Cause);
erlang_bif(F, [_], _) when F =:= demonitor; F =:= cancel_timer; F =:= read_timer;
                           F =:= ref_to_list; F =:= unalias ->
    [not_ref];
erlang_bif(F, [Ref, Options], _) when F =:= demonitor; F =:= cancel_timer;
                                      F =:= read_timer ->
    with_options(is(is_reference(Ref), not_ref), Options);
erlang_bif(F, [Time, Dest, _], Cause) when F =:= start_timer; F =:= send_after ->
    [timer_time(Time, Cause), timer_destination(Dest)];
erlang_bif(F, [Time, Dest, Msg, Options], Cause) when F =:= start_timer;
                                                      F =:= send_after ->
    erlang_bif(F, [Time, Dest, Msg], Cause) ++
        [case Cause of
             badopt -> proper_list(Options, bad_option);
             _ -> proper_list(Options, [])
         end];
erlang_bif(F, [_], _) when F =:= fun_info; F =:= fun_info_mfa; F =:= fun_to_list ->
    [not_fun];
erlang_bif(fun_info, [Fun, _], _) ->
    case is_function(Fun) of
        true -> [[], <<"invalid item">>];
        false -> [not_fun]
    end;
erlang_bif(is_function, [_, Arity], _) ->
    [[], case is_integer(Arity) of
             true -> range;
             false -> not_integer
         end];
erlang_bif(is_record, [_, _], _) ->
    [not_atom];
erlang_bif(is_record, [_, Tag, Size], _) ->
    [[], atom(Tag), is(is_integer(Size), not_integer)];
erlang_bif(F, [M, Name, Arity], _) when F =:= function_exported; F =:= make_fun;
                                        F =:= is_builtin ->
    [atom(M), atom(Name), int_at_least(Arity, 0)];
erlang_bif(F, [_, N], _) when F =:= phash; F =:= phash2 ->
    [int_at_least(N, 1)];
erlang_bif(F, [_], _) when F =:= system_time; F =:= monotonic_time; F =:= time_offset ->
    [<<"invalid time unit">>];
erlang_bif(convert_time_unit, [Time, From, To], _) ->
    [is(is_integer(Time), not_integer), time_unit(From), time_unit(To)];
erlang_bif(unique_integer, [Modifiers], _) ->
    [proper_list(Modifiers, <<"invalid modifier">>)];
erlang_bif(statistics, [_], _) ->
    [<<"invalid statistics item">>];
erlang_bif(process_flag, [_, _], Cause) ->
    case Cause of
        badopt -> [<<"invalid process flag">>];
        _ -> [[], <<"invalid value for this process flag">>]
    end;
erlang_bif(halt, [_], _) ->
    [<<"invalid status">>];
erlang_bif(subtract, [A, B], _) ->
    [proper_list(A, []), proper_list(B, [])];
erlang_bif(append, [_, _], _) ->
    [not_list];
erlang_bif(_, _, _) ->
    [].

%%% The checks of single arguments: [] when the argument is fine, else
%%% the problem.

is(true, _) -> [];
is(false, Problem) -> Problem.

atom(A) -> is(is_atom(A), not_atom).

base(B) when is_integer(B), B >= 2, B =< 36 -> [];
base(_) -> <<"not an integer in the range 2 through 36">>.

%% binary(Bin, IfBinary): IfBinary when Bin is a binary (the reason the
%% call failed all the same).
binary(Bin, IfBinary) when is_binary(Bin) -> IfBinary;
binary(_, _) -> not_binary.

int_at_least(N, Min) when is_integer(N), N >= Min -> [];
int_at_least(N, _) when is_integer(N) -> range;
int_at_least(_, _) -> not_integer.

%% proper_list(List, IfProper): IfProper for a proper list.
proper_list(List, IfProper) when is_list(List) ->
    try length(List) of
        _ -> IfProper
    catch
        error:badarg -> not_proper_list
    end;
proper_list(_, _) ->
    not_list.

text_list(List, What) ->
    [case proper_list(List, []) of
         [] -> {not_text_of, What};
         _ -> not_list
     end].

is_char_list([C | Cs]) when is_integer(C), C >= 0, C < 16#D800;
                            is_integer(C), C > 16#DFFF, C =< 16#10FFFF ->
    is_char_list(Cs);
is_char_list([]) -> true;
is_char_list(_) -> false.

%% An option list that is a proper list has a bad option.
option_list(Options) ->
    proper_list(Options, bad_option).

%% with_options(FirstProblem, Options): the problems of a call with one
%% argument and an option list; when the argument is fine, the options
%% are what is wrong.
with_options([], Options) -> [[], option_list(Options)];
with_options(Problem, Options) -> [Problem, proper_list(Options, [])].

options_after([], Options) -> option_list(Options);
options_after(_, Options) -> proper_list(Options, []).

tuple_index(I, _) when not is_integer(I) -> not_integer;
tuple_index(I, _) when I =< 0 -> range;
tuple_index(I, T) when is_tuple(T), I > tuple_size(T) -> range;
tuple_index(_, _) -> [].

local_pid(Pid) when is_pid(Pid), node(Pid) =/= node() -> not_local_pid;
local_pid(Pid) -> is(is_pid(Pid), not_pid).

binary_range(Bin, Start, Stop) ->
    case [binary(Bin, []), int_at_least(Start, 1), int_at_least(Stop, 1)] of
        [[], [], []] when Start > Stop ->
            [[], <<"start position greater than stop position">>];
        [[], [], []] ->
            [[], is(Start =< byte_size(Bin), range), is(Stop =< byte_size(Bin), range)];
        Problems ->
            Problems
    end.

binary_atom(Bin, latin1, IfBinary) ->
    [binary(Bin, IfBinary)];
binary_atom(Bin, Encoding, _) when Encoding =:= utf8; Encoding =:= unicode ->
    if
        not is_binary(Bin) ->
            [not_binary];
        true ->
            case unicode:characters_to_list(Bin, unicode) of
                Chars when is_list(Chars) -> [non_existing_atom];
                _ -> [<<"invalid UTF8 encoding">>]
            end
    end;
binary_atom(Bin, _, _) ->
    [binary(Bin, []), <<"not one of the atoms: latin1, utf8, or unicode">>].

%% register/2 fails for a bad name or process, a process that is gone or
%% already has a name, or a name in use.
register(_, _, registered_name) ->
    [[], <<"this process or port already has a name">>];
register(_, _, notalive) ->
    [[], dead_process];
register(Name, PidOrPort, _) ->
    NameProblem = if
                      Name =:= undefined -> <<"'undefined' is not a valid name">>;
                      true -> atom(Name)
                  end,
    OwnerProblem = if
                       is_pid(PidOrPort), node(PidOrPort) =/= node() -> not_local_pid;
                       is_port(PidOrPort), node(PidOrPort) =/= node() -> not_local_port;
                       is_pid(PidOrPort); is_port(PidOrPort) -> [];
                       true -> <<"not a pid or port">>
                   end,
    case {NameProblem, OwnerProblem} of
        {[], []} when is_pid(PidOrPort) ->
            %% No cause came with the error: ask the process.
            case process_info(PidOrPort, registered_name) of
                undefined -> [[], dead_process];
                {registered_name, _} -> [[], <<"this process or port already has a name">>];
                _ -> [<<"name is in use">>]
            end;
        {[], []} ->
            [<<"name is in use">>];
        _ ->
            [NameProblem, OwnerProblem]
    end.

monitor(Type, Item, Options, Cause) ->
    ItemProblem = case Type of
                      process -> is(is_pid(Item), not_pid);
                      port when is_port(Item), node(Item) =/= node() -> not_local_port;
                      port when is_port(Item); is_atom(Item) -> [];
                      port -> not_port;
                      _ -> []
                  end,
    ValidType = lists:member(Type, [process, port, time_offset]),
    if
        Cause =:= badtype; not ValidType ->
            [<<"invalid monitor type">>];
        Cause =:= badopt; Options =/= [], ItemProblem =:= [] ->
            %% Type and item are fine, so the options are not.
            [[], ItemProblem, proper_list(hd(Options), bad_option)];
        true ->
            [[], ItemProblem]
    end.

timer_time(Time, Cause) ->
    case int_at_least(Time, 0) of
        [] when Cause =:= time -> <<"exceeds the maximum supported time value">>;
        Problem -> Problem
    end.

timer_destination(Pid) when is_pid(Pid), node(Pid) =/= node() -> not_local_pid;
timer_destination(Dest) -> is(is_pid(Dest) orelse is_atom(Dest), <<"not a pid or an atom">>).

time_unit(Unit) ->
    try erlang:convert_time_unit(1, native, Unit) of
        _ -> []
    catch
        error:_ -> <<"invalid time unit">>
    end.

%% text is the message for a problem.
text(Text) when is_binary(Text) -> Text;
text({not_text_of, What}) -> [<<"not a textual representation of ">>, What];
text(not_atom) -> <<"not an atom">>;
text(not_binary) -> <<"not a binary">>;
text(not_bitstring) -> <<"not a bitstring">>;
text(not_cons) -> <<"not a nonempty list">>;
text(not_float) -> <<"not a float">>;
text(not_fun) -> <<"not a fun">>;
text(not_integer) -> <<"not an integer">>;
text(not_iodata) -> <<"not an iodata term">>;
text(not_list) -> <<"not a list">>;
text(not_proper_list) -> <<"not a proper list">>;
text(not_map) -> <<"not a map">>;
text(not_number) -> <<"not a number">>;
text(not_pid) -> <<"not a pid">>;
text(not_local_pid) -> <<"not a local pid">>;
text(not_port) -> <<"not a port">>;
text(not_local_port) -> <<"not a local port">>;
text(not_ref) -> <<"not a reference">>;
text(not_string) -> <<"not a list of characters">>;
text(not_tuple) -> <<"not a tuple">>;
text(range) -> <<"out of range">>;
text(bad_option) -> <<"invalid option in list">>;
text(bad_destination) -> <<"invalid destination">>;
text(bad_ext_term) -> <<"invalid external representation of a term">>;
text(dead_process) -> <<"the pid does not refer to an existing process">>;
text(non_existing_atom) -> <<"not an already existing atom">>.
