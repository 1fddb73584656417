package dev.fleetjobs.e2e;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * MQTT 3.1.1 and 5 packets written byte by byte on a socket, for what a well-behaved client
 * library will not do: any CONNECT flags, a will on any topic, and dropping the connection
 * without a DISCONNECT (as {@code kill -9} would), so that the broker fires the will.
 */
final class RawMqtt implements AutoCloseable {

    static final int V311 = 4;
    static final int V5 = 5;
    /** What {@link #connect} answers when the broker closed the connection instead of sending a CONNACK. */
    static final int CLOSED = -1;

    /** A will: topic, payload, QoS, retain flag and (MQTT 5) delay in seconds. */
    record Will(String topic, String payload, int qos, boolean retain, long delaySeconds) {
        static Will of(String topic, String payload, boolean retain) {
            return new Will(topic, payload, 1, retain, 0);
        }
    }

    /**
     * One CONNECT. {@code flagsOverride}, when not null, replaces the connect flags byte the other
     * fields imply (for malformed combinations).
     */
    record Connect(int version, String clientId, boolean cleanStart, long sessionExpirySeconds, Will will, String userName,
                   String password, Integer flagsOverride) {
        static Connect of(int version, String clientId) {
            return new Connect(version, clientId, true, 0, null, null, null, null);
        }

        Connect withWill(Will will) {
            return new Connect(version, clientId, cleanStart, sessionExpirySeconds, will, userName, password, flagsOverride);
        }

        Connect withSession(boolean clean, long expirySeconds) {
            return new Connect(version, clientId, clean, expirySeconds, will, userName, password, flagsOverride);
        }

        Connect withLogin(String user, String secret) {
            return new Connect(version, clientId, cleanStart, sessionExpirySeconds, will, user, secret, flagsOverride);
        }

        Connect withFlags(Integer flags) {
            return new Connect(version, clientId, cleanStart, sessionExpirySeconds, will, userName, password, flags);
        }
    }

    private final Socket socket;
    private final int version;

    private RawMqtt(Socket socket, int version) {
        this.socket = socket;
        this.version = version;
    }

    /** Opens a connection and sends the CONNECT; {@link #connack()} reads the answer. */
    static RawMqtt open(int port, Connect connect) {
        try {
            Socket socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(10_000);
            RawMqtt client = new RawMqtt(socket, connect.version());
            socket.getOutputStream().write(encode(connect));
            socket.getOutputStream().flush();
            return client;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The CONNACK's return (3.1.1) or reason (5) code; {@link #CLOSED} when the broker closed the connection instead. */
    int connack() {
        try {
            DataInputStream in = new DataInputStream(socket.getInputStream());
            int type = in.read();
            if (type < 0) {
                return CLOSED;
            }
            int length = remainingLength(in);
            byte[] rest = new byte[length];
            in.readFully(rest);
            if ((type >> 4) != 2 || length < 2) {
                throw new AssertionError("expected a CONNACK, got packet type " + (type >> 4));
            }
            return rest[1] & 0xff;
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no CONNACK within 10 s", e);
        } catch (IOException closed) {
            return CLOSED;
        }
    }

    /** Connects and answers the CONNACK code in one go, closing the socket without DISCONNECT afterwards. */
    static int connectAndDrop(int port, Connect connect) {
        try (RawMqtt client = open(port, connect)) {
            return client.connack();
        }
    }

    void publish(String topic, String payload, int qos, boolean retain) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        string(body, topic);
        if (qos > 0) {
            body.write(0);
            body.write(1);
        }
        if (version == V5) {
            body.write(0);
        }
        body.writeBytes(payload.getBytes(StandardCharsets.UTF_8));
        send(0x30 | (qos << 1) | (retain ? 1 : 0), body.toByteArray());
    }

    /** A DISCONNECT: normal, or (MQTT 5) with the given reason code, such as 0x04 "disconnect with will message". */
    void disconnect(int reasonCode) {
        send(0xe0, version == V5 ? new byte[] {(byte) reasonCode, 0} : new byte[0]);
    }

    private void send(int firstByte, byte[] body) {
        ByteArrayOutputStream packet = new ByteArrayOutputStream();
        packet.write(firstByte);
        varInt(packet, body.length);
        packet.writeBytes(body);
        try {
            socket.getOutputStream().write(packet.toByteArray());
            socket.getOutputStream().flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Drops the connection: no DISCONNECT, as a crashed device would. */
    @Override
    public void close() {
        try {
            socket.setSoLinger(true, 0);
            socket.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    static byte[] encode(Connect c) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        string(body, "MQTT");
        body.write(c.version());
        body.write(c.flagsOverride() != null ? c.flagsOverride() : flags(c));
        body.write(0);
        body.write(60);
        if (c.version() == V5) {
            if (c.sessionExpirySeconds() > 0) {
                varInt(body, 5);
                body.write(0x11);
                int32(body, c.sessionExpirySeconds());
            } else {
                varInt(body, 0);
            }
        }
        string(body, c.clientId());
        if (c.will() != null) {
            if (c.version() == V5) {
                if (c.will().delaySeconds() > 0) {
                    varInt(body, 5);
                    body.write(0x18);
                    int32(body, c.will().delaySeconds());
                } else {
                    varInt(body, 0);
                }
            }
            string(body, c.will().topic());
            string(body, c.will().payload());
        }
        if (c.userName() != null) {
            string(body, c.userName());
        }
        if (c.password() != null) {
            string(body, c.password());
        }
        ByteArrayOutputStream packet = new ByteArrayOutputStream();
        packet.write(0x10);
        varInt(packet, body.size());
        packet.writeBytes(body.toByteArray());
        return packet.toByteArray();
    }

    /** The connect flags byte the CONNECT's fields imply. */
    static int flags(Connect c) {
        int flags = (c.userName() != null ? 0x80 : 0) | (c.password() != null ? 0x40 : 0) | (c.cleanStart() ? 0x02 : 0);
        if (c.will() != null) {
            flags |= 0x04 | (c.will().qos() << 3) | (c.will().retain() ? 0x20 : 0);
        }
        return flags;
    }

    private static void string(ByteArrayOutputStream out, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.write(bytes.length >> 8);
        out.write(bytes.length & 0xff);
        out.writeBytes(bytes);
    }

    private static void int32(ByteArrayOutputStream out, long value) {
        for (int shift = 24; shift >= 0; shift -= 8) {
            out.write((int) (value >> shift) & 0xff);
        }
    }

    private static void varInt(ByteArrayOutputStream out, int value) {
        int rest = value;
        do {
            int digit = rest % 128;
            rest /= 128;
            out.write(rest > 0 ? digit | 0x80 : digit);
        } while (rest > 0);
    }

    private static int remainingLength(DataInputStream in) throws IOException {
        int value = 0;
        for (int shift = 0; shift < 28; shift += 7) {
            int digit = in.readUnsignedByte();
            value |= (digit & 0x7f) << shift;
            if ((digit & 0x80) == 0) {
                return value;
            }
        }
        throw new IOException("malformed remaining length");
    }
}
