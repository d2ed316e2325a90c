import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * The origin of the outbound fetch benchmark: answers every request with the same 1 KiB of text,
 * on loopback, with keep-alive. Run as a source file: java Origin.java PORT.
 */
public class Origin {
    public static void main(String[] args) throws Exception {
        byte[] page = ("origin page " + "x".repeat(1012) + "\n").getBytes(StandardCharsets.US_ASCII);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(args[0])), 1024);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", ex -> {
            ex.getRequestBody().readAllBytes();
            ex.getResponseHeaders().add("content-type", "text/plain");
            ex.sendResponseHeaders(200, page.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(page);
            }
        });
        server.start();
        System.out.println("origin listening on " + server.getAddress().getPort());
    }
}
