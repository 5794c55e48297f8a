%% file: the I/O device half of OTP's file module. The functions on file
%% names (read_file, list_dir, read_file_info…) are Go natives of module
%% file (vm/natives_file.go); these work on the devices open/2 returns.
%%
%% A file opened with raw is OTP's record #file_descriptor{module =
%% prim_file, data = #{handle => H, owner => Pid}}: only its owner may use
%% it, through the avm_file natives. Any other file is served by an I/O
%% server process, which owns the handle and ends when the file is closed
%% or the process that opened it exits; it answers the I/O protocol
%% (io_request: put_chars, get_line, get_chars, getopts, setopts,
%% requests) and file requests (position, pread, pwrite, truncate, sync,
%% advise, close), so io:format/3 and io:get_line/2 work on it as in OTP.
-module(file).

-export([open/2, close/1, read/2, read_line/1, write/2, pread/2, pread/3,
         pwrite/2, pwrite/3, position/2, truncate/1, sync/1, datasync/1,
         advise/4, copy/2, copy/3, path_consult/2, format_error/1,
         read_file_info/1, read_file_info/2]).

-define(FD(H), {file_descriptor, prim_file, #{handle := H}}).

%% Buffer size of copy/2,3.
-define(COPY_CHUNK, 65536).

open(Name, Modes) when is_list(Modes) ->
    case lists:member(raw, Modes) of
        true ->
            case avm_file:open(Name, Modes) of
                {ok, H} ->
                    {ok, {file_descriptor, prim_file, #{handle => H, owner => self()}}};
                Error ->
                    Error
            end;
        false ->
            open_server(Name, Modes)
    end;
open(_Name, _Modes) ->
    {error, badarg}.

read_file_info(File) ->
    read_file_info(File, []).

%% read_file_info(File, Opts): of a file name, a raw file or an I/O server
%% device.
read_file_info(Pid, Opts) when is_pid(Pid), is_list(Opts) ->
    file_request(Pid, {read_handle_info, Opts});
read_file_info(File, Opts) when is_list(Opts) ->
    avm_file:read_file_info(File, Opts).

close(?FD(H)) ->
    avm_file:close(H);
close(Pid) when is_pid(Pid) ->
    case file_request(Pid, close) of
        {error, terminated} -> ok;
        Other -> Other
    end;
close(_) ->
    {error, badarg}.

read(?FD(H), N) ->
    avm_file:read(H, N);
read(Dev, N) when (is_pid(Dev) orelse is_atom(Dev)), is_integer(N), N >= 0 ->
    case dev_request(Dev, {get_chars, latin1, '', N}) of
        Data when is_list(Data); is_binary(Data) -> {ok, Data};
        Other -> Other
    end;
read(_, _) ->
    {error, badarg}.

read_line(?FD(H)) ->
    avm_file:read_line(H);
read_line(Dev) when is_pid(Dev); is_atom(Dev) ->
    case dev_request(Dev, {get_line, latin1, ''}) of
        Data when is_list(Data); is_binary(Data) -> {ok, Data};
        Other -> Other
    end;
read_line(_) ->
    {error, badarg}.

write(?FD(H), Bytes) ->
    avm_file:write(H, Bytes);
write(Dev, Bytes) when is_pid(Dev); is_atom(Dev) ->
    try erlang:iolist_to_binary(Bytes) of
        Bin -> dev_request(Dev, {put_chars, latin1, Bin})
    catch
        error:_ -> {error, badarg}
    end;
write(_, _) ->
    {error, badarg}.

pread(?FD(H), At, N) ->
    avm_file:pread(H, At, N);
pread(Pid, At, N) when is_pid(Pid), is_integer(N), N >= 0 ->
    file_request(Pid, {pread, At, N});
pread(_, _, _) ->
    {error, badarg}.

%% pread(Dev, [{At, N}]): {ok, [Data | eof]} for each location.
pread(Dev, Locations) when is_list(Locations) ->
    pread_list(Dev, Locations, []);
pread(_, _) ->
    {error, badarg}.

pread_list(_Dev, [], Acc) ->
    {ok, lists:reverse(Acc)};
pread_list(Dev, [{At, N} | Rest], Acc) ->
    case pread(Dev, At, N) of
        {ok, Data} -> pread_list(Dev, Rest, [Data | Acc]);
        eof -> pread_list(Dev, Rest, [eof | Acc]);
        Error -> Error
    end;
pread_list(_Dev, _, _Acc) ->
    {error, badarg}.

pwrite(?FD(H), At, Bytes) ->
    avm_file:pwrite(H, At, Bytes);
pwrite(Pid, At, Bytes) when is_pid(Pid) ->
    file_request(Pid, {pwrite, At, Bytes});
pwrite(_, _, _) ->
    {error, badarg}.

%% pwrite(Dev, [{At, Bytes}]): ok, or {error, {N, Reason}} after N writes.
pwrite(Dev, Locations) when is_list(Locations) ->
    pwrite_list(Dev, Locations, 0);
pwrite(_, _) ->
    {error, badarg}.

pwrite_list(_Dev, [], _N) ->
    ok;
pwrite_list(Dev, [{At, Bytes} | Rest], N) ->
    case pwrite(Dev, At, Bytes) of
        ok -> pwrite_list(Dev, Rest, N + 1);
        {error, Reason} -> {error, {N, Reason}}
    end;
pwrite_list(_Dev, _, _N) ->
    {error, badarg}.

position(?FD(H), At) ->
    avm_file:position(H, At);
position(Pid, At) when is_pid(Pid) ->
    file_request(Pid, {position, At});
position(_, _) ->
    {error, badarg}.

truncate(?FD(H)) ->
    avm_file:truncate(H);
truncate(Pid) when is_pid(Pid) ->
    file_request(Pid, truncate);
truncate(_) ->
    {error, badarg}.

sync(?FD(H)) ->
    avm_file:sync(H);
sync(Pid) when is_pid(Pid) ->
    file_request(Pid, sync);
sync(_) ->
    {error, badarg}.

%% datasync/1: as sync/1 (the metadata is flushed too).
datasync(Dev) ->
    sync(Dev).

advise(?FD(H), Offset, Length, Advice) ->
    avm_file:advise(H, Offset, Length, Advice);
advise(Pid, Offset, Length, Advice) when is_pid(Pid) ->
    file_request(Pid, {advise, Offset, Length, Advice});
advise(_, _, _, _) ->
    {error, badarg}.

copy(Source, Destination) ->
    copy(Source, Destination, infinity).

%% copy(Source, Destination, Length): Source and Destination are file
%% names, {Name, Modes} or open devices; {ok, BytesCopied}.
copy(Source, Destination, Length)
  when is_integer(Length), Length >= 0; Length =:= infinity ->
    case copy_open(Source, [read, binary]) of
        {ok, Src, CloseSrc} ->
            case copy_open(Destination, [write, binary]) of
                {ok, Dst, CloseDst} ->
                    Result = copy_loop(Src, Dst, Length, 0),
                    Closed = CloseDst(),
                    CloseSrc(),
                    case {Result, Closed} of
                        {{ok, _}, {error, _}} -> Closed;
                        _ -> Result
                    end;
                Error ->
                    CloseSrc(),
                    Error
            end;
        Error ->
            Error
    end;
copy(_, _, _) ->
    {error, badarg}.

copy_open(Pid, _Modes) when is_pid(Pid) ->
    {ok, Pid, fun() -> ok end};
copy_open({file_descriptor, _, _} = Fd, _Modes) ->
    {ok, Fd, fun() -> ok end};
copy_open({Name, Modes}, Base) when is_list(Modes) ->
    copy_open_name(Name, Base ++ Modes);
copy_open(Name, Base) ->
    copy_open_name(Name, Base).

copy_open_name(Name, Modes) ->
    case open(Name, [raw | Modes]) of
        {ok, Fd} -> {ok, Fd, fun() -> close(Fd) end};
        Error -> Error
    end.

copy_loop(_Src, _Dst, 0, Done) ->
    {ok, Done};
copy_loop(Src, Dst, Left, Done) ->
    Size = case Left of
               infinity -> ?COPY_CHUNK;
               _ -> min(Left, ?COPY_CHUNK)
           end,
    case read(Src, Size) of
        {ok, Data} ->
            case write(Dst, Data) of
                ok ->
                    N = iolist_size(Data),
                    Left1 = case Left of
                                infinity -> infinity;
                                _ -> Left - N
                            end,
                    copy_loop(Src, Dst, Left1, Done + N);
                Error ->
                    Error
            end;
        eof ->
            {ok, Done};
        Error ->
            Error
    end.

%% path_consult(Dirs, Name): consult/1 of the first Dirs/Name that exists;
%% {ok, Terms, FullName}.
path_consult(Dirs, Name) ->
    case filename:pathtype(Name) of
        relative -> path_consult_in(Dirs, Name);
        _ -> consult_full(Name)
    end.

path_consult_in([], _Name) ->
    {error, enoent};
path_consult_in([Dir | Dirs], Name) ->
    Full = filename:join(Dir, Name),
    case consult_full(Full) of
        {error, enoent} -> path_consult_in(Dirs, Name);
        Other -> Other
    end.

consult_full(Full) ->
    case file:consult(Full) of
        {ok, Terms} -> {ok, Terms, Full};
        Error -> Error
    end.

format_error({_Line, file, undefined_script}) ->
    "no value returned from script";
format_error({Line, file, {Class, Reason, Stacktrace}}) ->
    io_lib:format("~w: evaluation failed with reason ~w:~w and stacktrace ~w",
                  [Line, Class, Reason, Stacktrace]);
format_error({Line, file, {Reason, Stacktrace}}) ->
    io_lib:format("~w: evaluation failed with reason ~w and stacktrace ~w",
                  [Line, Reason, Stacktrace]);
format_error({Line, Mod, Reason}) when Mod =:= erl_parse; Mod =:= erl_scan ->
    %% consult/1's errors, worded as erl_parse:format_error/1 does (avm
    %% has no erl_parse module).
    Text = case io_lib:deep_char_list(Reason) of
               true -> Reason;
               false -> io_lib:write(Reason)
           end,
    io_lib:format("~w: ~ts", [Line, Text]);
format_error({Line, Mod, Reason}) ->
    io_lib:format("~w: ~ts", [Line, Mod:format_error(Reason)]);
format_error(badarg) ->
    "bad argument";
format_error(system_limit) ->
    "a system limit was hit, probably not enough ports";
format_error(terminated) ->
    "the file server process is terminated";
format_error(Reason) ->
    posix_message(Reason).

%% The messages of OTP's erl_posix_msg.
posix_message(eacces) -> "permission denied";
posix_message(eagain) -> "resource temporarily unavailable";
posix_message(ebadf) -> "bad file number";
posix_message(ebusy) -> "file busy";
posix_message(edquot) -> "disk quota exceeded";
posix_message(eexist) -> "file already exists";
posix_message(efault) -> "bad address in system call argument";
posix_message(efbig) -> "file too large";
posix_message(eintr) -> "interrupted system call";
posix_message(einval) -> "invalid argument";
posix_message(eio) -> "I/O error";
posix_message(eisdir) -> "illegal operation on a directory";
posix_message(eloop) -> "too many levels of symbolic links";
posix_message(emfile) -> "too many open files";
posix_message(emlink) -> "too many links";
posix_message(enametoolong) -> "file name too long";
posix_message(enfile) -> "file table overflow";
posix_message(enodev) -> "no such device";
posix_message(enoent) -> "no such file or directory";
posix_message(enomem) -> "not enough memory";
posix_message(enospc) -> "no space left on device";
posix_message(enosys) -> "function not implemented";
posix_message(enotblk) -> "block device required";
posix_message(enotdir) -> "not a directory";
posix_message(enotempty) -> "directory not empty";
posix_message(enotsup) -> "operation not supported";
posix_message(enxio) -> "no such device or address";
posix_message(eperm) -> "not owner";
posix_message(epipe) -> "broken pipe";
posix_message(erofs) -> "read-only file system";
posix_message(espipe) -> "invalid seek";
posix_message(esrch) -> "no such process";
posix_message(estale) -> "stale remote file handle";
posix_message(etxtbsy) -> "text file or pseudo-device busy";
posix_message(exdev) -> "cross-domain link";
posix_message(eoverflow) -> "offset too large for file system";
posix_message(_) -> "unknown POSIX error".

%% The I/O server of a file that is not raw.

open_server(Name, Modes) ->
    Owner = self(),
    Tag = make_ref(),
    {Pid, Mon} = spawn_monitor(fun() -> server_init(Owner, Tag, Name, Modes) end),
    receive
        {Tag, Result} ->
            erlang:demonitor(Mon, [flush]),
            Result;
        {'DOWN', Mon, process, Pid, Reason} ->
            {error, Reason}
    end.

server_init(Owner, Tag, Name, Modes) ->
    case avm_file:open(Name, Modes) of
        {ok, H} ->
            Mon = erlang:monitor(process, Owner),
            Owner ! {Tag, {ok, self()}},
            server_loop(H, Mon);
        Error ->
            Owner ! {Tag, Error}
    end.

%% As OTP's file_io_server, the server ends (normally) after a failed
%% write or read, truncate, sync or advise: the device is then gone.
server_loop(H, Mon) ->
    receive
        {io_request, From, ReplyAs, Request} ->
            Reply = io_request(H, Request),
            From ! {io_reply, ReplyAs, Reply},
            server_next(H, Mon, io_fatal(Request, Reply));
        {file_request, From, Ref, close} ->
            From ! {file_reply, Ref, avm_file:close(H)};
        {file_request, From, Ref, Request} ->
            Reply = file_request_reply(H, Request),
            From ! {file_reply, Ref, Reply},
            server_next(H, Mon, file_fatal(Request, Reply));
        {'DOWN', Mon, process, _, _} ->
            avm_file:close(H);
        _Other ->
            server_loop(H, Mon)
    end.

server_next(H, _Mon, true) ->
    avm_file:close(H);
server_next(H, Mon, false) ->
    server_loop(H, Mon).

io_fatal(Request, {error, _}) when is_tuple(Request) ->
    lists:member(element(1, Request), [put_chars, get_line, get_chars]);
io_fatal(_Request, _Reply) ->
    false.

file_fatal(Request, {error, _}) ->
    case Request of
        truncate -> true;
        sync -> true;
        {advise, _, _, _} -> true;
        _ -> false
    end;
file_fatal(_Request, _Reply) ->
    false.

io_request(H, {put_chars, Enc, Chars}) ->
    avm_file:put_chars(H, Enc, Chars);
io_request(H, {put_chars, Enc, M, F, A}) ->
    try apply(M, F, A) of
        Chars -> avm_file:put_chars(H, Enc, Chars)
    catch
        _:_ -> {error, F}
    end;
io_request(H, {put_chars, Chars}) ->
    avm_file:put_chars(H, latin1, Chars);
io_request(H, {get_line, Enc, _Prompt}) ->
    avm_file:get_line(H, Enc);
io_request(H, {get_line, _Prompt}) ->
    avm_file:get_line(H, latin1);
io_request(H, {get_chars, Enc, _Prompt, N}) ->
    avm_file:get_chars(H, Enc, N);
io_request(H, {get_chars, _Prompt, N}) ->
    avm_file:get_chars(H, latin1, N);
io_request(H, {setopts, Opts}) ->
    avm_file:setopts(H, Opts);
io_request(H, getopts) ->
    avm_file:getopts(H);
io_request(H, {requests, Requests}) ->
    io_requests(H, Requests, ok);
io_request(_H, _Request) ->
    {error, request}.

io_requests(_H, [], Last) ->
    Last;
io_requests(H, [R | Rs], _Last) ->
    case io_request(H, R) of
        {error, _} = Error -> Error;
        Reply -> io_requests(H, Rs, Reply)
    end.

file_request_reply(H, {position, At}) -> avm_file:position(H, At);
file_request_reply(H, {pread, At, N}) -> avm_file:pread(H, At, N);
file_request_reply(H, {pwrite, At, Bytes}) -> avm_file:pwrite(H, At, Bytes);
file_request_reply(H, truncate) -> avm_file:truncate(H);
file_request_reply(H, sync) -> avm_file:sync(H);
file_request_reply(H, {advise, O, L, A}) -> avm_file:advise(H, O, L, A);
file_request_reply(H, {read_handle_info, Opts}) ->
    avm_file:read_file_info({file_descriptor, prim_file, #{handle => H}}, Opts);
file_request_reply(_H, _Request) -> {error, badarg}.

file_request(Pid, Request) ->
    Ref = erlang:monitor(process, Pid),
    Pid ! {file_request, self(), Ref, Request},
    receive
        {file_reply, Ref, Reply} ->
            erlang:demonitor(Ref, [flush]),
            Reply;
        {'DOWN', Ref, _, _, _} ->
            {error, terminated}
    end.

%% dev_request: an I/O request to a device: the console through the
%% avm_io natives, any other device through the I/O protocol.
dev_request(Dev, {put_chars, latin1, Bin} = Request) ->
    dev_reply(avm_io:put_chars(Dev, binary_to_list(Bin)), Request);
dev_request(Dev, {get_line, latin1, Prompt} = Request) ->
    dev_reply(avm_io:get_line(Dev, Prompt), Request);
dev_request(Dev, {get_chars, latin1, Prompt, N} = Request) ->
    dev_reply(avm_io:get_chars(Dev, Prompt, N), Request).

dev_reply({server, Pid}, Request) ->
    io_server_request(Pid, Request);
dev_reply(Reply, _Request) ->
    Reply.

io_server_request(Pid, Request) ->
    Ref = erlang:monitor(process, Pid),
    Pid ! {io_request, self(), Ref, Request},
    receive
        {io_reply, Ref, Reply} ->
            erlang:demonitor(Ref, [flush]),
            Reply;
        {'DOWN', Ref, _, _, _} ->
            {error, terminated}
    end.
