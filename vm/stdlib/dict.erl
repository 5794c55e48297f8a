%% dict: key-value dictionaries as linear hash tables (Litwin's linear
%% hashing), with OTP's dict interface and record layout. Keys match
%% with =:=.
%%
%% Buckets of [Key | Value] cells live in segments of 16; the table
%% grows one bucket at a time by splitting bucket N - Bso into itself
%% and bucket N once the average bucket holds 5 entries, and merges
%% them back below 3. Slots come from erlang:phash2/2 as in OTP, so
%% the layout, and with it the order of to_list/1, fetch_keys/1 and
%% fold/3 (unspecified by OTP's documentation), are OTP's.
-module(dict).
-export([new/0, is_key/2, to_list/1, from_list/1, size/1, is_empty/1,
         fetch/2, find/2, fetch_keys/1, erase/2, take/2, store/3,
         append/3, append_list/3, update/3, update/4, update_counter/3,
         fold/3, map/2, filter/2, merge/3]).

-define(SEG_SIZE, 16).
-define(MAX_SEG, 32).
-define(EXPAND_LOAD, 5).
-define(CONTRACT_LOAD, 3).

-record(dict, {
    size = 0 :: non_neg_integer(),           % entries
    n = ?SEG_SIZE :: pos_integer(),          % buckets in use
    maxn = ?SEG_SIZE :: pos_integer(),       % buckets allocated
    bso = ?SEG_SIZE div 2 :: pos_integer(),  % bucket split offset: maxn / 2
    exp_size = ?SEG_SIZE * ?EXPAND_LOAD :: non_neg_integer(),
    con_size = ?SEG_SIZE * ?CONTRACT_LOAD :: non_neg_integer(),
    empty :: tuple(),                        % an empty segment
    segs :: tuple()                          % the segments
}).

new() ->
    Empty = erlang:make_tuple(?SEG_SIZE, []),
    #dict{empty = Empty, segs = {Empty}}.

is_key(Key, D) -> key_in(Key, bucket(D, slot(D, Key))).

key_in(Key, [[Key | _] | _]) -> true;
key_in(Key, [_ | Bucket]) -> key_in(Key, Bucket);
key_in(_, []) -> false.

to_list(D) -> fold(fun(Key, Value, Acc) -> [{Key, Value} | Acc] end, [], D).

from_list(Pairs) ->
    lists:foldl(fun({Key, Value}, D) -> store(Key, Value, D) end, new(), Pairs).

size(#dict{size = Size}) -> Size.

is_empty(#dict{size = Size}) -> Size =:= 0.

fetch(Key, D) ->
    case lookup(Key, bucket(D, slot(D, Key))) of
        {ok, Value} -> Value;
        error -> erlang:error(badarg, [Key, D])
    end.

find(Key, D) -> lookup(Key, bucket(D, slot(D, Key))).

lookup(Key, [[Key | Value] | _]) -> {ok, Value};
lookup(Key, [_ | Bucket]) -> lookup(Key, Bucket);
lookup(_, []) -> error.

fetch_keys(D) -> fold(fun(Key, _, Acc) -> [Key | Acc] end, [], D).

erase(Key, D) ->
    {D1, Removed} = on_bucket(fun(B) -> erase_key(Key, B) end, D, slot(D, Key)),
    maybe_contract(D1, Removed).

erase_key(Key, [[Key | _] | Bucket]) -> {Bucket, 1};
erase_key(Key, [Cell | Bucket]) ->
    {Bucket1, Removed} = erase_key(Key, Bucket),
    {[Cell | Bucket1], Removed};
erase_key(_, []) -> {[], 0}.

take(Key, D) ->
    case on_bucket(fun(B) -> take_key(Key, B) end, D, slot(D, Key)) of
        {D1, {taken, Value}} -> {Value, maybe_contract(D1, 1)};
        {_, none} -> error
    end.

take_key(Key, [[Key | Value] | Bucket]) -> {Bucket, {taken, Value}};
take_key(Key, [Cell | Bucket]) ->
    case take_key(Key, Bucket) of
        {Bucket1, Taken} -> {[Cell | Bucket1], Taken};
        none -> none
    end;
take_key(_, []) -> none.

store(Key, Value, D) ->
    change(Key, fun(B) -> store_key(Key, Value, B) end, D).

store_key(Key, Value, [[Key | _] | Bucket]) -> {[[Key | Value] | Bucket], 0};
store_key(Key, Value, [Cell | Bucket]) ->
    {Bucket1, Added} = store_key(Key, Value, Bucket),
    {[Cell | Bucket1], Added};
store_key(Key, Value, []) -> {[[Key | Value]], 1}.

append(Key, Value, D) -> append_list(Key, [Value], D).

append_list(Key, Values, D) ->
    change(Key, fun(B) -> append_key(Key, Values, B) end, D).

append_key(Key, Values, [[Key | Old] | Bucket]) -> {[[Key | Old ++ Values] | Bucket], 0};
append_key(Key, Values, [Cell | Bucket]) ->
    {Bucket1, Added} = append_key(Key, Values, Bucket),
    {[Cell | Bucket1], Added};
append_key(Key, Values, []) -> {[[Key | Values]], 1}.

update(Key, Fun, D) ->
    Slot = slot(D, Key),
    case on_bucket(fun(B) -> update_key(Key, Fun, B) end, D, Slot) of
        {D1, 0} -> D1;
        {_, missing} -> erlang:error(badarg, [Key, Fun, D])
    end.

update_key(Key, Fun, [[Key | Value] | Bucket]) -> {[[Key | Fun(Value)] | Bucket], 0};
update_key(Key, Fun, [Cell | Bucket]) ->
    case update_key(Key, Fun, Bucket) of
        {Bucket1, 0} -> {[Cell | Bucket1], 0};
        missing -> missing
    end;
update_key(_, _, []) -> missing.

update(Key, Fun, Initial, D) ->
    change(Key, fun(B) -> update_key(Key, Fun, Initial, B) end, D).

update_key(Key, Fun, _, [[Key | Value] | Bucket]) -> {[[Key | Fun(Value)] | Bucket], 0};
update_key(Key, Fun, Initial, [Cell | Bucket]) ->
    {Bucket1, Added} = update_key(Key, Fun, Initial, Bucket),
    {[Cell | Bucket1], Added};
update_key(Key, _, Initial, []) -> {[[Key | Initial]], 1}.

update_counter(Key, Incr, D) when is_number(Incr) ->
    update(Key, fun(Value) -> Value + Incr end, Incr, D).

%% Applies Fun to Key's bucket, which returns the new bucket and how
%% many entries it added, and grows the table if need be.
change(Key, Fun, D) ->
    {D1, Added} = on_bucket(Fun, D, slot(D, Key)),
    maybe_expand(D1, Added).

fold(Fun, Acc, #dict{segs = Segs}) when is_function(Fun, 3) ->
    fold_segs(Fun, Acc, Segs, tuple_size(Segs)).

fold_segs(Fun, Acc, Segs, I) when I >= 1 ->
    Seg = element(I, Segs),
    fold_segs(Fun, fold_seg(Fun, Acc, Seg, tuple_size(Seg)), Segs, I - 1);
fold_segs(_, Acc, _, _) -> Acc.

fold_seg(Fun, Acc, Seg, I) when I >= 1 ->
    fold_seg(Fun, fold_bucket(Fun, Acc, element(I, Seg)), Seg, I - 1);
fold_seg(_, Acc, _, _) -> Acc.

fold_bucket(Fun, Acc, [[Key | Value] | Bucket]) ->
    fold_bucket(Fun, Fun(Key, Value, Acc), Bucket);
fold_bucket(_, Acc, []) -> Acc.

map(Fun, #dict{segs = Segs} = D) when is_function(Fun, 2) ->
    D#dict{segs = map_tuple(fun(Seg) -> map_tuple(fun(B) -> map_bucket(Fun, B) end, Seg) end, Segs)}.

map_tuple(Fun, Tuple) -> list_to_tuple([Fun(E) || E <- tuple_to_list(Tuple)]).

map_bucket(Fun, [[Key | Value] | Bucket]) -> [[Key | Fun(Key, Value)] | map_bucket(Fun, Bucket)];
map_bucket(_, []) -> [].

%% The table keeps its size: it shrinks only by the one step that
%% maybe_contract/2 takes, as OTP's does.
filter(Pred, #dict{size = 0} = D) when is_function(Pred, 2) -> D;
filter(Pred, #dict{segs = Segs} = D) when is_function(Pred, 2) ->
    Keep = fun(Bucket, Removed) ->
                   Kept = [Cell || [Key | Value] = Cell <- Bucket, Pred(Key, Value)],
                   {Kept, Removed + length(Bucket) - length(Kept)}
           end,
    {SegList, Removed} =
        lists:mapfoldl(fun(Seg, Acc) ->
                               {Bs, Acc1} = lists:mapfoldl(Keep, Acc, tuple_to_list(Seg)),
                               {list_to_tuple(Bs), Acc1}
                       end, 0, tuple_to_list(Segs)),
    maybe_contract(D#dict{segs = list_to_tuple(SegList)}, Removed).

merge(Fun, D1, D2) when is_function(Fun, 3) ->
    case D1#dict.size < D2#dict.size of
        true ->
            fold(fun(Key, V1, D) -> update(Key, fun(V2) -> Fun(Key, V1, V2) end, V1, D) end, D2, D1);
        false ->
            fold(fun(Key, V2, D) -> update(Key, fun(V1) -> Fun(Key, V1, V2) end, V2, D) end, D1, D2)
    end.

%% Buckets are numbered from 1. A key hashes over maxn buckets; hashes
%% past the n in use fall in the bucket that has not split yet.
slot(#dict{n = N, maxn = MaxN, bso = Bso}, Key) ->
    case erlang:phash2(Key, MaxN) + 1 of
        H when H > N -> H - Bso;
        H -> H
    end.

bucket(#dict{segs = Segs}, Slot) -> bucket_s(Segs, Slot).

bucket_s(Segs, Slot) ->
    I = Slot - 1,
    element(I rem ?SEG_SIZE + 1, element(I div ?SEG_SIZE + 1, Segs)).

put_bucket_s(Segs, Slot, Bucket) ->
    I = Slot - 1,
    SegI = I div ?SEG_SIZE + 1,
    setelement(SegI, Segs, setelement(I rem ?SEG_SIZE + 1, element(SegI, Segs), Bucket)).

%% Fun returns {NewBucket, Result}, or a bare result that leaves the
%% table alone.
on_bucket(Fun, #dict{segs = Segs} = D, Slot) ->
    case Fun(bucket_s(Segs, Slot)) of
        {Bucket1, Result} -> {D#dict{segs = put_bucket_s(Segs, Slot, Bucket1)}, Result};
        Result -> {D, Result}
    end.

maybe_expand(#dict{size = Size, exp_size = ExpSize} = D, Added) when Size + Added > ExpSize ->
    #dict{n = N0, maxn = MaxN, bso = Bso, segs = Segs0} = D1 = maybe_expand_segs(D),
    N = N0 + 1,
    From = N - Bso,
    {Stay, Move} = lists:partition(fun([Key | _]) -> erlang:phash2(Key, MaxN) + 1 =:= From end,
                                   bucket_s(Segs0, From)),
    Segs = put_bucket_s(put_bucket_s(Segs0, From, Stay), N, Move),
    D1#dict{size = Size + Added, n = N, exp_size = N * ?EXPAND_LOAD,
            con_size = N * ?CONTRACT_LOAD, segs = Segs};
maybe_expand(#dict{size = Size} = D, Added) ->
    D#dict{size = Size + Added}.

%% All allocated buckets in use: double the allocation.
maybe_expand_segs(#dict{n = N, maxn = N, bso = Bso, segs = Segs, empty = Empty} = D) ->
    D#dict{maxn = 2 * N, bso = 2 * Bso,
           segs = list_to_tuple(tuple_to_list(Segs) ++ lists:duplicate(tuple_size(Segs), Empty))};
maybe_expand_segs(D) -> D.

maybe_contract(#dict{size = Size, con_size = ConSize, n = N} = D, Removed)
  when Size - Removed < ConSize, N > ?SEG_SIZE ->
    #dict{bso = Bso, segs = Segs0} = D,
    Into = N - Bso,
    Merged = bucket_s(Segs0, Into) ++ bucket_s(Segs0, N),
    Segs = put_bucket_s(put_bucket_s(Segs0, Into, Merged), N, []),
    N1 = N - 1,
    maybe_contract_segs(D#dict{size = Size - Removed, n = N1, exp_size = N1 * ?EXPAND_LOAD,
                               con_size = N1 * ?CONTRACT_LOAD, segs = Segs});
maybe_contract(#dict{size = Size} = D, Removed) ->
    D#dict{size = Size - Removed}.

%% Only half the allocated buckets in use: halve the allocation.
maybe_contract_segs(#dict{n = N, bso = N, maxn = MaxN, segs = Segs} = D) ->
    D#dict{maxn = MaxN div 2, bso = N div 2,
           segs = list_to_tuple(lists:sublist(tuple_to_list(Segs), tuple_size(Segs) div 2))};
maybe_contract_segs(D) -> D.
