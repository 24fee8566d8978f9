package seqpool.sequencer.rpc.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A WebSocket client by hand (RFC 6455 framing), for clients that misbehave: never read, never pong, trickle. */
final class RawWebSocket implements AutoCloseable {
    final RawClient raw;

    record Frame(int opcode, byte[] payload) {
        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    RawWebSocket(InetSocketAddress address, int receiveBuffer) throws IOException {
        raw = new RawClient(address, receiveBuffer);
        String key = Base64.getEncoder().encodeToString("0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
        raw.write("GET / HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n\r\n");
        String head = raw.readHead();
        if (!head.startsWith("HTTP/1.1 101")) {
            throw new IOException("no upgrade: " + head);
        }
    }

    void sendText(String s) throws IOException {
        raw.write(frame(0x1, true, s.getBytes(StandardCharsets.UTF_8)));
    }

    /** A masked frame as a client must send it. */
    static byte[] frame(int opcode, boolean fin, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write((fin ? 0x80 : 0) | opcode);
        int n = payload.length;
        if (n < 126) {
            out.write(0x80 | n);
        } else if (n < 65536) {
            out.write(0x80 | 126);
            out.write(n >> 8);
            out.write(n);
        } else {
            out.write(0x80 | 127);
            for (int i = 7; i >= 0; i--) {
                out.write((int) ((long) n >> (8 * i)));
            }
        }
        byte[] mask = {1, 2, 3, 4};
        out.write(mask, 0, 4);
        for (int i = 0; i < n; i++) {
            out.write(payload[i] ^ mask[i % 4]);
        }
        return out.toByteArray();
    }

    Frame read() throws IOException {
        int b0 = raw.in.read();
        int b1 = raw.in.read();
        if (b0 < 0 || b1 < 0) {
            throw new IOException("closed");
        }
        long n = b1 & 0x7f;
        if (n == 126) {
            n = (raw.in.read() << 8) | raw.in.read();
        } else if (n == 127) {
            n = 0;
            for (int i = 0; i < 8; i++) {
                n = (n << 8) | raw.in.read();
            }
        }
        return new Frame(b0 & 0x0f, raw.in.readNBytes((int) n));
    }

    /** The next text frame, answering nothing and skipping pings. */
    String readText() throws IOException {
        while (true) {
            Frame f = read();
            if (f.opcode() == 0x1) {
                return f.text();
            }
            if (f.opcode() == 0x8) {
                throw new IOException("closed by server: " + f.text());
            }
        }
    }

    @Override
    public void close() throws IOException {
        raw.close();
    }
}
