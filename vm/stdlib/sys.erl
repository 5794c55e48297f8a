%% The sys module of avm's bundled standard library: the system message
%% protocol of OTP's sys, as far as the behaviours need it: get_state,
%% replace_state, terminate, suspend and resume. A process taking part
%% receives {system, From, Request} and calls handle_system_msg/6, which
%% calls back its module's system_continue/3, system_terminate/4,
%% system_get_state/1 and system_replace_state/2. Debug options (trace,
%% log, statistics) are accepted and ignored.
-module(sys).

-export([get_state/1, get_state/2, replace_state/2, replace_state/3,
         terminate/2, terminate/3, suspend/1, suspend/2, resume/1, resume/2,
         get_status/1, get_status/2,
         handle_system_msg/6, handle_system_msg/7, debug_options/1]).

get_state(Name) -> send_system_msg(Name, get_state, 5000).
get_state(Name, Timeout) -> send_system_msg(Name, get_state, Timeout).

replace_state(Name, Fun) -> replace_state(Name, Fun, 5000).
replace_state(Name, Fun, Timeout) -> send_system_msg(Name, {replace_state, Fun}, Timeout).

terminate(Name, Reason) -> terminate(Name, Reason, infinity).
terminate(Name, Reason, Timeout) -> send_system_msg(Name, {terminate, Reason}, Timeout).

suspend(Name) -> suspend(Name, 5000).
suspend(Name, Timeout) -> send_system_msg(Name, suspend, Timeout).

resume(Name) -> resume(Name, 5000).
resume(Name, Timeout) -> send_system_msg(Name, resume, Timeout).

get_status(Name) -> get_status(Name, 5000).
get_status(Name, Timeout) -> send_system_msg(Name, get_status, Timeout).

send_system_msg(Name, Request, Timeout) ->
    try gen:call(Name, system, Request, Timeout) of
        {ok, Reply} -> Reply
    catch
        exit:Reason -> exit({Reason, mfa(Name, Request, Timeout)})
    end.

mfa(Name, get_state, T) -> {sys, get_state, [Name, T]};
mfa(Name, {replace_state, F}, T) -> {sys, replace_state, [Name, F, T]};
mfa(Name, {terminate, R}, T) -> {sys, terminate, [Name, R, T]};
mfa(Name, Req, T) -> {sys, Req, [Name, T]}.

%% handle_system_msg(Request, From, Parent, Module, Debug, Misc[, Hib]):
%% answers one system message, then continues or terminates the process.
handle_system_msg(Msg, From, Parent, Mod, Debug, Misc) ->
    case do_cmd(running, Msg, Mod, Misc) of
        {suspended, Reply, NMisc} ->
            gen:reply(From, Reply),
            suspend_loop(Parent, Mod, Debug, NMisc);
        {running, Reply, NMisc} ->
            gen:reply(From, Reply),
            Mod:system_continue(Parent, Debug, NMisc);
        {{terminating, Reason}, Reply, NMisc} ->
            gen:reply(From, Reply),
            Mod:system_terminate(Reason, Parent, Debug, NMisc)
    end.

handle_system_msg(Msg, From, Parent, Mod, Debug, Misc, _Hib) ->
    handle_system_msg(Msg, From, Parent, Mod, Debug, Misc).

%% suspend_loop: a suspended process answers only system messages and its
%% parent's exit.
suspend_loop(Parent, Mod, Debug, Misc) ->
    receive
        {system, From, Msg} ->
            case do_cmd(suspended, Msg, Mod, Misc) of
                {suspended, Reply, NMisc} ->
                    gen:reply(From, Reply),
                    suspend_loop(Parent, Mod, Debug, NMisc);
                {running, Reply, NMisc} ->
                    gen:reply(From, Reply),
                    Mod:system_continue(Parent, Debug, NMisc);
                {{terminating, Reason}, Reply, NMisc} ->
                    gen:reply(From, Reply),
                    Mod:system_terminate(Reason, Parent, Debug, NMisc)
            end;
        {'EXIT', Parent, Reason} ->
            Mod:system_terminate(Reason, Parent, Debug, Misc)
    end.

do_cmd(_, suspend, _Mod, Misc) ->
    {suspended, ok, Misc};
do_cmd(_, resume, _Mod, Misc) ->
    {running, ok, Misc};
do_cmd(SysState, get_state, Mod, Misc) ->
    {SysState, do_get_state(Mod, Misc), Misc};
do_cmd(SysState, {replace_state, Fun}, Mod, Misc) ->
    {Res, NMisc} = do_replace_state(Fun, Mod, Misc),
    {SysState, Res, NMisc};
do_cmd(_, {terminate, Reason}, _Mod, Misc) ->
    {{terminating, Reason}, ok, Misc};
do_cmd(SysState, get_status, Mod, Misc) ->
    State = case do_get_state(Mod, Misc) of
                {ok, S} -> S;
                Other -> Other
            end,
    {SysState, {status, self(), {module, Mod}, [get(), SysState, State]}, Misc};
do_cmd(SysState, Other, _Mod, Misc) ->
    {SysState, {error, {unknown_system_msg, Other}}, Misc}.

do_get_state(Mod, Misc) ->
    try Mod:system_get_state(Misc) of
        {ok, State} -> State
    catch
        Class:Reason:St -> {error, {callback_failed, {Mod, system_get_state}, {Class, Reason, St}}}
    end.

do_replace_state(Fun, Mod, Misc) ->
    try Mod:system_replace_state(Fun, Misc) of
        {ok, State, NMisc} -> {State, NMisc}
    catch
        Class:Reason:St ->
            {{error, {callback_failed, {Mod, system_replace_state}, {Class, Reason, St}}}, Misc}
    end.

debug_options(_Options) ->
    [].
