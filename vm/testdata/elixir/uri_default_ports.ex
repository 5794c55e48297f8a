# URI's default ports, which the elixir application's start puts in its
# elixir_config table: URI.parse, URI.new! and to_string use them.
defmodule UriDefaultPorts do
  def start do
    [
      default_port: Enum.map(["http", "https", "ftp", "sftp", "tftp", "ldap", "ws", "wss", "gopher"], &URI.default_port/1),
      parse: Enum.map(["http://h/", "https://h", "ftp://u@h", "HTTP://h:80/", "ws://h"], &URI.parse(&1).port),
      new!: URI.new!("https://h/p").port,
      to_string: to_string(%URI{scheme: "https", host: "h", port: 443, path: "/"})
    ]
  end
end
