%% network: AtomVM's network interface (eavmlib), simulated on
%% generic_unix so that device apps run unchanged on a laptop: the station
%% "connects" at once and gets the host's IPv4 address, netmask and
%% gateway; an access point "starts" at once; SNTP "synchronizes" to the
%% host's clock. Callbacks in the configuration (a fun, or a pid that gets
%% the event as a message) run in the network process, as on a device.
-module(network).

-export([wait_for_sta/0, wait_for_sta/1, wait_for_sta/2,
         wait_for_ap/0, wait_for_ap/1, wait_for_ap/2,
         start/1, start_link/1, stop/0, sta_rssi/0]).

%% The signal strength the simulated station reports, in dBm.
-define(SIMULATED_RSSI, -50).

wait_for_sta() ->
    wait_for_sta(15000).

wait_for_sta(Timeout) when is_integer(Timeout) ->
    wait_for_sta([], Timeout);
wait_for_sta(StaConfig) when is_list(StaConfig) ->
    wait_for_sta(StaConfig, 15000).

wait_for_sta(StaConfig, Timeout) ->
    Self = self(),
    Config = [{sta, [{connected, fun() -> Self ! connected end},
                     {got_ip, fun(IpInfo) -> Self ! {ok, IpInfo} end},
                     {disconnected, fun() -> Self ! disconnected end}
                     | StaConfig]}],
    case start(Config) of
        {ok, _} -> wait_for_ip(Timeout);
        Error -> Error
    end.

wait_for_ip(Timeout) ->
    receive
        connected -> wait_for_ip(Timeout);
        {ok, _IpInfo} = Started -> Started;
        disconnected -> {error, disconnected}
    after Timeout ->
        {error, timeout}
    end.

wait_for_ap() ->
    wait_for_ap(15000).

wait_for_ap(Timeout) when is_integer(Timeout) ->
    wait_for_ap([], Timeout);
wait_for_ap(ApConfig) when is_list(ApConfig) ->
    wait_for_ap(ApConfig, 15000).

wait_for_ap(ApConfig, Timeout) ->
    Self = self(),
    case start([{ap, [{ap_started, fun() -> Self ! ap_started end} | ApConfig]}]) of
        {ok, _} ->
            receive
                ap_started -> ok
            after Timeout ->
                {error, timeout}
            end;
        Error ->
            Error
    end.

start(Config) ->
    start(Config, false).

start_link(Config) ->
    start(Config, true).

start(Config, Link) when is_list(Config) ->
    case whereis(network) of
        undefined ->
            Parent = self(),
            Fun = fun() -> init(Parent, Config) end,
            Pid = case Link of
                      true -> spawn_link(Fun);
                      false -> spawn(Fun)
                  end,
            Ref = erlang:monitor(process, Pid),
            receive
                {Pid, started} ->
                    erlang:demonitor(Ref, [flush]),
                    {ok, Pid};
                {'DOWN', Ref, process, Pid, Reason} ->
                    {error, Reason}
            end;
        Pid ->
            {error, {already_started, Pid}}
    end;
start(_Config, _Link) ->
    {error, badarg}.

stop() ->
    case whereis(network) of
        undefined ->
            exit(noproc);
        Pid ->
            Ref = erlang:monitor(process, Pid),
            Pid ! stop,
            receive
                {'DOWN', Ref, process, Pid, _} -> ok
            end
    end.

sta_rssi() ->
    case whereis(network) of
        undefined -> {error, network_down};
        _ -> {ok, ?SIMULATED_RSSI}
    end.

init(Parent, Config) ->
    try register(network, self()) of
        true ->
            Parent ! {self(), started},
            Sta = proplists:get_value(sta, Config),
            callback(connected, [], Sta),
            callback(got_ip, [avm_net:host_ipv4()], Sta),
            callback(ap_started, [], proplists:get_value(ap, Config)),
            Usec = erlang:system_time(microsecond),
            callback(synchronized, [{Usec div 1000000, Usec rem 1000000}], proplists:get_value(sntp, Config)),
            loop()
    catch
        error:badarg -> exit({already_started, whereis(network)})
    end.

loop() ->
    receive
        stop -> ok;
        _ -> loop()
    end.

callback(_Key, _Args, undefined) ->
    ok;
callback(Key, Args, Props) ->
    case proplists:get_value(Key, Props) of
        undefined -> ok;
        Pid when is_pid(Pid), Args =:= [] -> Pid ! Key;
        Pid when is_pid(Pid) -> Pid ! list_to_tuple([Key | Args]);
        Fun when is_function(Fun, length(Args)) -> apply(Fun, Args);
        _ -> ok
    end.
