%% A supervised gen_server that crashes: the error report of gen_server,
%% the crash report of proc_lib and the supervisor's report go to stderr,
%% and the server is restarted.
-module(behaviour_crash).
-behaviour(gen_server).

-export([start/0, start_server/0]).
-export([init/1, handle_call/3, handle_cast/2]).

start() ->
    {ok, Sup} = supervisor:start_link(?MODULE, supervisor),
    [{server, Old, worker, _}] = supervisor:which_children(Sup),
    Ref = monitor(process, Old),
    gen_server:cast(server, {divide, 0}),
    receive {'DOWN', Ref, process, Old, _} -> ok end,
    [{server, New, worker, _}] = supervisor:which_children(Sup),
    true = is_pid(New) andalso New =/= Old,
    42 = gen_server:call(server, answer),
    ok.

start_server() ->
    gen_server:start_link({local, server}, ?MODULE, server, []).

init(supervisor) ->
    {ok, {#{strategy => one_for_one},
          [#{id => server, start => {?MODULE, start_server, []}}]}};
init(server) ->
    {ok, 84}.

handle_call(answer, _From, N) -> {reply, N div 2, N}.

handle_cast({divide, By}, N) -> {noreply, N div By}.
