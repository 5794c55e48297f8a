-record(point, {x = 0, y = 0}).

describe(#point{x = X, y = Y}) ->
    {X, Y}.
