@0xd5e0c1a7e3b94f21;
# Node-to-node RPC of a jworkers cluster. Every node serves a `Node` as its bootstrap
# capability; a node that does not own a Durable Object routes requests for it to the owner's
# `Node`. Bodies stream in both directions as `ByteStream` capabilities.

interface Node {
  getActor @0 (namespace :Text, id :Text, name :Text) -> (actor :Actor);
  # The Durable Object `id` (64 hex digits) of the class whose unique key is `namespace`, as
  # hosted by this node. `name` is the name the id was made from, or empty.
}

interface Actor {
  fetch @0 (request :HttpRequest, responder :Responder) -> (requestBody :ByteStream);
  # Starts an HTTP request. The caller writes the request body to `requestBody` and ends it
  # (at once when there is none); the object answers through `responder`.

  call @1 (method :Text, args :Data) -> (result :Data, threw :Bool);
  # A JS RPC call. `args` (an array) and `result` are V8-serialized; `threw` says `result` is
  # the value the method threw.
}

interface Responder {
  start @0 (response :HttpResponse) -> (body :ByteStream);
  # The response head; the object then writes the body to `body` and ends it.
}

interface ByteStream {
  write @0 (bytes :Data) -> stream;
  end @1 ();
}

struct HttpRequest {
  method @0 :Text;
  url @1 :Text;
  headers @2 :List(Header);
}

struct HttpResponse {
  status @0 :UInt16;
  statusText @1 :Text;
  headers @2 :List(Header);
}

struct Header {
  name @0 :Text;
  value @1 :Text;
}
