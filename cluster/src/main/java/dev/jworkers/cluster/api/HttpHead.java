package dev.jworkers.cluster.api;

import dev.jworkers.cluster.capnp.WireBuilder;
import dev.jworkers.cluster.capnp.WireReader;
import java.util.ArrayList;
import java.util.List;
import org.capnproto.StructList;

/** An HTTP request or response head as it crosses between nodes (bodies stream separately). */
public final class HttpHead {
  /** One header line; repeated names stay separate, in order. */
  public record Header(String name, String value) {}

  /** A request head: method and absolute URL. */
  public record Request(String method, String url, List<Header> headers) {
    public Request {
      headers = List.copyOf(headers);
    }

    void write(WireBuilder b) {
      b.setText(0, method);
      b.setText(1, url);
      writeHeaders(b, 2, headers);
    }

    static Request read(WireReader r) {
      return new Request(r.text(0), r.text(1), readHeaders(r, 2));
    }
  }

  /** A response head. */
  public record Response(int status, String statusText, List<Header> headers) {
    public Response {
      headers = List.copyOf(headers);
    }

    void write(WireBuilder b) {
      b.setU16(0, status);
      b.setText(0, statusText);
      writeHeaders(b, 1, headers);
    }

    static Response read(WireReader r) {
      return new Response(r.u16(0), r.text(0), readHeaders(r, 1));
    }
  }

  private HttpHead() {}

  private static void writeHeaders(WireBuilder b, int index, List<Header> headers) {
    StructList.Builder<ClusterSchema.PtrsBuilder> list = b.initList(index, ClusterSchema.HEADERS, headers.size());
    for (int i = 0; i < headers.size(); i++) {
      list.get(i).setText(0, headers.get(i).name());
      list.get(i).setText(1, headers.get(i).value());
    }
  }

  private static List<Header> readHeaders(WireReader r, int index) {
    StructList.Reader<ClusterSchema.Ptrs> list = r.pointer(ClusterSchema.HEADERS, index);
    List<Header> out = new ArrayList<>(list.size());
    for (ClusterSchema.Ptrs h : list) {
      out.add(new Header(h.text(0), h.text(1)));
    }
    return out;
  }
}
