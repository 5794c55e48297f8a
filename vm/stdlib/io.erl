%% io: formatted output and line input on I/O devices, as OTP's io module.
%%
%% The console (standard_io while the group leader is the first process,
%% user, standard_error) is served by the VM's avm_io natives, which
%% write to avm's stdout and stderr and read its stdin. Any other device
%% (a pid, or a registered name) gets the I/O protocol messages
%% {io_request, From, ReplyAs, Request}, as in OTP, so custom I/O servers
%% and group leaders work.
-module(io).

%% Inlined so that the frame of an error is that of the function called,
%% with its arguments, as in OTP.
-compile({inline, [output/3, reply/3]}).

-export([format/1, format/2, format/3, fwrite/1, fwrite/2, fwrite/3,
         put_chars/1, put_chars/2, nl/0, nl/1, write/1, write/2,
         get_line/1, get_line/2, get_chars/2, get_chars/3,
         getopts/0, getopts/1, setopts/1, setopts/2, printable_range/0,
         columns/0, columns/1, rows/0, rows/1]).

format(Format) ->
    output(standard_io, {format, Format, []}, [Format]).

format(Format, Args) ->
    output(standard_io, {format, Format, Args}, [Format, Args]).

format(Dev, Format, Args) ->
    output(Dev, {format, Format, Args}, [Dev, Format, Args]).

fwrite(Format) ->
    output(standard_io, {format, Format, []}, [Format]).

fwrite(Format, Args) ->
    output(standard_io, {format, Format, Args}, [Format, Args]).

fwrite(Dev, Format, Args) ->
    output(Dev, {format, Format, Args}, [Dev, Format, Args]).

put_chars(Chars) ->
    output(standard_io, {put_chars, Chars}, [Chars]).

put_chars(Dev, Chars) ->
    output(Dev, {put_chars, Chars}, [Dev, Chars]).

nl() ->
    output(standard_io, {put_chars, "\n"}, []).

nl(Dev) ->
    output(Dev, {put_chars, "\n"}, [Dev]).

write(Term) ->
    output(standard_io, {put_chars, io_lib:write(Term)}, [Term]).

write(Dev, Term) ->
    output(Dev, {put_chars, io_lib:write(Term)}, [Dev, Term]).

get_line(Prompt) ->
    input(standard_io, {get_line, Prompt}).

get_line(Dev, Prompt) ->
    input(Dev, {get_line, Prompt}).

get_chars(Prompt, N) ->
    input(standard_io, {get_chars, Prompt, N}).

get_chars(Dev, Prompt, N) ->
    input(Dev, {get_chars, Prompt, N}).

getopts() ->
    getopts(standard_io).

getopts(Dev) ->
    case avm_io:getopts(Dev) of
        {server, Pid} -> server_request(Pid, getopts);
        Result -> Result
    end.

setopts(Opts) ->
    setopts(standard_io, Opts).

setopts(Dev, Opts) ->
    case avm_io:setopts(Dev, Opts) of
        {server, Pid} -> server_request(Pid, {setopts, Opts});
        Result -> Result
    end.

%% The printable range of ~p and io_lib:printable_list/1, as OTP's
%% default (+pc latin1).
printable_range() ->
    latin1.

%% The console is not a terminal the VM controls.
columns() -> {error, enotsup}.
columns(_Dev) -> {error, enotsup}.
rows() -> {error, enotsup}.
rows(_Dev) -> {error, enotsup}.

%% OTP's io has no clause for a device that is neither a name nor a pid.
output(Dev, _Request, ErrArgs) when not is_atom(Dev), not is_pid(Dev) ->
    erlang:error(function_clause, ErrArgs);
output(Dev, {format, Format, Args}, ErrArgs) ->
    reply(avm_io:format(Dev, Format, Args),
          {put_chars, unicode, io_lib, format, [Format, Args]}, ErrArgs);
output(Dev, {put_chars, Chars}, ErrArgs) ->
    reply(avm_io:put_chars(Dev, Chars), {put_chars, unicode, Chars}, ErrArgs).

reply(ok, _Request, _ErrArgs) ->
    ok;
reply({server, Pid}, Request, ErrArgs) ->
    case server_request(Pid, Request) of
        {error, Reason} -> erlang:error(conv_reason(Reason), ErrArgs);
        Other -> Other
    end;
reply({error, Reason}, _Request, ErrArgs) ->
    erlang:error(conv_reason(Reason), ErrArgs).

input(Dev, Request) when not is_atom(Dev), not is_pid(Dev) ->
    erlang:error(function_clause, [Dev, Request]);
input(Dev, {get_line, Prompt}) ->
    case avm_io:get_line(Dev, Prompt) of
        {server, Pid} -> server_request(Pid, {get_line, unicode, Prompt});
        Result -> Result
    end;
input(Dev, {get_chars, Prompt, N}) ->
    case avm_io:get_chars(Dev, Prompt, N) of
        {server, Pid} -> server_request(Pid, {get_chars, unicode, Prompt, N});
        Result -> Result
    end.

%% OTP's io turns the reasons of failed requests into these exceptions.
conv_reason(arguments) -> badarg;
conv_reason(terminated) -> terminated;
conv_reason(calling_self) -> calling_self;
conv_reason({no_translation, _, _}) -> no_translation;
conv_reason(_) -> badarg.

server_request(Pid, Request) ->
    Ref = erlang:monitor(process, Pid),
    Pid ! {io_request, self(), Ref, Request},
    receive
        {io_reply, Ref, Reply} ->
            erlang:demonitor(Ref, [flush]),
            Reply;
        {'DOWN', Ref, _, _, _} ->
            {error, terminated}
    end.
