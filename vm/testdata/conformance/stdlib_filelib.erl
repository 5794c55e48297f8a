%% filelib: wildcard patterns (?, *, ** first, inside, last and through a
%% symbolic link, [sets], {alternatives}, escapes), relative to a directory
%% and absolute; the predicates, sizes, times, ensure_dir/ensure_path and
%% safe_relative_path/2 (without symbolic links), in a scratch directory
%% under /tmp that is removed first and at the end.
-module(stdlib_filelib).
-export([start/0]).

t(F) -> try F() catch C:R -> {C, R} end.

start() ->
    Dir = "/tmp/avm_stdlib_filelib." ++ os:getpid() ++ "." ++ integer_to_list(erlang:system_time(nanosecond)),
    _ = file:del_dir_r(Dir),
    ok = file:make_dir(Dir),
    try
        P = fun(Name) -> filename:join(Dir, Name) end,
        [ok = file:make_dir(P(D)) || D <- ["a", "a/b", "c", "a[1]"]],
        [ok = file:write_file(P(F), F) || F <- ["a/x.erl", "a/b/y.erl", "c/z.ex", ".hidden", "top.erl", "a[1]/q",
                                                  "star*", "b.txt"]],
        ok = file:make_symlink("a", P("lnk")),
        W = fun(Pattern) -> filelib:wildcard(Pattern, Dir) end,
        Strip = fun(Names) -> [lists:nthtail(length(Dir) + 1, N) || N <- Names] end,
        [{wildcard, [{Pat, t(fun() -> W(Pat) end)}
                     || Pat <- ["*", "**/*.erl", "**", "a/**", "{a,c}/*", "[a-b]", "[a-b]*", "?", "?.*",
                                "nonexistent/*", "a", "a/", "a//b", "*/", "a/../c/*", "*.{erl,ex}",
                                "**/*.{erl,ex}", "star\\*", "a[1]/q", "a\\[1\\]/*", "[^a]", "{a,c",
                                "a/{b,x.erl}", "*/*/*", "**/b/*", ".*", "*.txt", ["a/", [$*]]]]},
         {absolute, Strip(filelib:wildcard(P("a/*"))), Strip(filelib:wildcard(P("**/*.ex"))),
          filelib:wildcard("l*/b/*", Dir, file)},
         {safe, [filelib:safe_relative_path(N, Dir)
                 || N <- ["a/../b", "../b", "/a", "a/./b/", ".", "a/..", "a/b/../../..", "x/y/z", <<"a/../b">>]]},
         {preds, [{filelib:is_dir(P(N)), filelib:is_file(P(N)), filelib:is_regular(P(N))}
                  || N <- ["a", "top.erl", "missing"]],
          filelib:file_size(P("top.erl")), filelib:file_size(P("missing")), filelib:last_modified(P("missing")),
          file:change_time(P("top.erl"), {{2022, 5, 6}, {7, 8, 9}}), filelib:last_modified(P("top.erl"))},
         {ensure, filelib:ensure_dir(P("n1/n2/file")), filelib:is_dir(P("n1/n2")), filelib:is_dir(P("n1/n2/file")),
          filelib:ensure_dir(P("top.erl/x/y")), filelib:ensure_path(P("p1/p2")), filelib:is_dir(P("p1/p2")),
          filelib:ensure_path(P("p1/p2")), filelib:ensure_dir("/"), filelib:ensure_dir(P("a/new"))}]
    after
        ok = file:del_dir_r(Dir)
    end.
