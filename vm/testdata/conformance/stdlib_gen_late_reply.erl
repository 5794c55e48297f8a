%% A call that times out leaves nothing behind: the server's late reply goes
%% through the caller's alias (OTP 24+), which the caller deactivated when
%% it gave up, so it never reaches the caller's mailbox. The same for
%% gen_statem and for send_request/receive_response; wait_response keeps
%% the request open.
-module(stdlib_gen_late_reply).
-behaviour(gen_server).

-export([start/0]).
-export([init/1, handle_call/3, handle_cast/2]).
-export([callback_mode/0, idle/3]).

start() ->
    Me = self(),
    {Pid, Ref} = spawn_monitor(fun() -> Me ! {self(), result, run()} end),
    receive
        {Pid, result, R} -> demonitor(Ref, [flush]), R;
        {'DOWN', Ref, process, Pid, Reason} -> {crashed, Reason}
    end.

flush() -> receive M -> [M | flush()] after 0 -> [] end.

reason(F) -> try F() catch exit:{Reason, {Mod, Fun, _}} -> {exit, Reason, Mod, Fun} end.

run() ->
    {ok, S} = gen_server:start(?MODULE, [], []),
    Timeout = reason(fun() -> gen_server:call(S, hold, 50) end),
    gen_server:cast(S, release),
    pong = gen_server:call(S, ping),
    AfterTimeout = flush(),

    %% A reply in time, and the shape of From's tag on the server's side.
    Tags = {gen_server:call(S, tag, 1000), gen_server:call(S, tag, infinity), gen_server:call(S, tag)},

    %% send_request: receive_response gives up, wait_response does not.
    R1 = gen_server:send_request(S, hold),
    Recv = gen_server:receive_response(R1, 50),
    gen_server:cast(S, release),
    pong = gen_server:call(S, ping),
    AfterRecv = flush(),
    R2 = gen_server:send_request(S, hold),
    Wait1 = gen_server:wait_response(R2, 50),
    gen_server:cast(S, release),
    Wait2 = gen_server:wait_response(R2, 1000),
    R3 = gen_server:send_request(S, ping),
    Check = receive Msg -> gen_server:check_response(Msg, R3) after 1000 -> none end,
    NoReply = gen_server:check_response(other, R3),

    Self = reason(fun() -> gen_server:call(self(), ping, 100) end),
    SelfInf = reason(fun() -> gen_server:call(self(), ping, infinity) end),
    ok = gen_server:stop(S),

    {ok, M} = gen_statem:start(?MODULE, statem, []),
    StatemTimeout = reason(fun() -> gen_statem:call(M, hold, 50) end),
    gen_statem:cast(M, release),
    pong = gen_statem:call(M, ping),
    StatemAfter = flush(),
    ok = gen_statem:stop(M),
    [{timeout, Timeout, AfterTimeout}, {tags, Tags},
     {receive_response, Recv, AfterRecv}, {wait_response, Wait1, Wait2},
     {check_response, Check, NoReply}, {calling_self, Self, SelfInf},
     {gen_statem, StatemTimeout, StatemAfter}, {remaining, flush()}].

%% gen_server callbacks: hold keeps the caller waiting until release.
init([]) -> {ok, []};
init(statem) -> {ok, idle, []}.

handle_call(hold, From, Held) -> {noreply, [From | Held]};
handle_call(ping, _From, Held) -> {reply, pong, Held};
handle_call(tag, {Pid, Tag}, Held) when is_pid(Pid) ->
    Shape = case Tag of
                [alias | Ref] when is_reference(Ref) -> alias;
                Ref when is_reference(Ref) -> ref
            end,
    {reply, Shape, Held}.

handle_cast(release, Held) ->
    [gen_server:reply(From, late) || From <- Held],
    {noreply, []}.

%% gen_statem callbacks.
callback_mode() -> state_functions.

idle({call, From}, hold, Held) -> {keep_state, [From | Held]};
idle({call, From}, ping, _) -> {keep_state_and_data, [{reply, From, pong}]};
idle(cast, release, Held) -> {keep_state, [], [{reply, From, late} || From <- Held]}.
