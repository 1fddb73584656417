package dev.fleetjobs.e2e;

import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generated MQTT CONNECT packets for the hostile-input fuzz test, and what the broker must answer
 * to each: client ids good and bad, wills on every kind of topic (the device's own requests, the
 * topics the service owns, other things', ordinary topics, wildcards, anything), retained or
 * not, logins, and flag combinations the specification forbids. The expectation is written out
 * from the README's rules here, not taken from the server's code.
 */
final class MqttConnectFuzz {

    static final List<String> THINGS = List.of("fz-1", "fz-2", "fz-3");
    /** The extra filter the fuzzed server grants every device. */
    static final String EXTRA_TOPIC = "devices/${iot:Connection.Thing.ThingName}/status";
    private static final Pattern THING_NAME = Pattern.compile("[a-zA-Z0-9:_-]{1,128}");

    enum ClientId { THING, EMPTY, ARBITRARY, TOO_LONG }

    enum Login { NONE, USER_NAME_ONLY, ACCESS_KEY, WRONG_SECRET }

    enum WillTopic {
        NONE, OWN_GET, OWN_START_NEXT, OWN_UPDATE, OWN_DESCRIBE, OWN_NOTIFY, OWN_NOTIFY_NEXT, OWN_ACCEPTED, OWN_REJECTED,
        OWN_NO_OPERATION, OTHER_THINGS_REQUEST, EVENTS, SYS, OWN_EXTRA, OTHER_EXTRA, WILDCARD, ARBITRARY
    }

    enum Flags { WELL_FORMED, WILL_RETAIN_WITHOUT_WILL, RESERVED_BIT, WILL_QOS_3, WILL_QOS_WITHOUT_WILL }

    record Case(int version, ClientId clientId, Login login, WillTopic will, boolean retain, int qos, Flags flags, String text, int number) {
        @Override
        public String toString() {
            String shown = text.chars().limit(40).mapToObj(c -> c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format("\\u%04x", c))
                    .reduce("", String::concat);
            return "MqttCase[MQTT " + (version == RawMqtt.V5 ? "5" : "3.1.1") + ", " + clientId + ", " + login + ", will " + will
                    + (retain ? " retained" : "") + " qos " + qos + ", " + flags + ", text \"" + shown + "\"]";
        }
    }

    private MqttConnectFuzz() {
    }

    static Arbitrary<Case> cases() {
        Arbitrary<Integer> versions = Arbitraries.of(RawMqtt.V311, RawMqtt.V5);
        Arbitrary<ClientId> ids = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.just(ClientId.THING)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(ClientId.EMPTY)),
                net.jqwik.api.Tuple.of(2, Arbitraries.just(ClientId.ARBITRARY)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(ClientId.TOO_LONG)));
        Arbitrary<Login> logins = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.just(Login.NONE)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(Login.USER_NAME_ONLY)),
                net.jqwik.api.Tuple.of(2, Arbitraries.just(Login.ACCESS_KEY)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(Login.WRONG_SECRET)));
        Arbitrary<Flags> flags = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(12, Arbitraries.just(Flags.WELL_FORMED)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(Flags.WILL_RETAIN_WITHOUT_WILL)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(Flags.RESERVED_BIT)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(Flags.WILL_QOS_3)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(Flags.WILL_QOS_WITHOUT_WILL)));
        return Combinators.combine(versions, ids, logins, Arbitraries.of(WillTopic.class), Arbitraries.of(true, false),
                        Arbitraries.integers().between(0, 2), flags, Arbitraries.strings().all().ofMaxLength(60))
                .as((version, id, login, will, retain, qos, flag, text) -> new Case(version, id, login, will, retain, qos, flag, text,
                        Math.abs(text.hashCode())));
    }

    static boolean backEnd(Case c) {
        return c.login() == Login.ACCESS_KEY || c.login() == Login.WRONG_SECRET;
    }

    static String clientId(Case c) {
        if (backEnd(c)) {
            return "fz-monitor-" + c.number() % 5;
        }
        return switch (c.clientId()) {
            case THING -> THINGS.get(c.number() % THINGS.size());
            case EMPTY -> "";
            case ARBITRARY -> c.text();
            case TOO_LONG -> "t".repeat(129);
        };
    }

    static String willTopic(Case c) {
        String own = "$aws/things/" + clientId(c) + "/jobs";
        return switch (c.will()) {
            case NONE -> null;
            case OWN_GET -> own + "/get";
            case OWN_START_NEXT -> own + "/start-next";
            case OWN_UPDATE -> own + "/fz-job/update";
            case OWN_DESCRIBE -> own + "/fz-job/get";
            case OWN_NOTIFY -> own + "/notify";
            case OWN_NOTIFY_NEXT -> own + "/notify-next";
            case OWN_ACCEPTED -> own + "/get/accepted";
            case OWN_REJECTED -> own + "/fz-job/update/rejected";
            case OWN_NO_OPERATION -> own + "/a/b/c";
            case OTHER_THINGS_REQUEST -> "$aws/things/fz-other/jobs/get";
            case EVENTS -> "$aws/events/job/fz-job/completed";
            case SYS -> "$SYS/broker/clients";
            case OWN_EXTRA -> EXTRA_TOPIC.replace("${iot:Connection.Thing.ThingName}", clientId(c));
            case OTHER_EXTRA -> "devices/fz-other/status";
            case WILDCARD -> "devices/#";
            case ARBITRARY -> c.text();
        };
    }

    static RawMqtt.Connect connect(Case c) {
        String topic = willTopic(c);
        RawMqtt.Will will = topic == null ? null : new RawMqtt.Will(topic, c.text(), c.qos(), c.retain(), 0);
        RawMqtt.Connect connect = new RawMqtt.Connect(c.version(), clientId(c), true, 0, will, null, null, null);
        connect = switch (c.login()) {
            case NONE -> connect;
            case USER_NAME_ONLY -> new RawMqtt.Connect(c.version(), clientId(c), true, 0, will, "?SDK=Java&Version=1", null, null);
            case ACCESS_KEY -> connect.withLogin(RunningServer.ACCESS_KEY, RunningServer.SECRET_KEY);
            case WRONG_SECRET -> connect.withLogin(RunningServer.ACCESS_KEY, RunningServer.SECRET_KEY + "x");
        };
        int flags = RawMqtt.flags(connect);
        return switch (c.flags()) {
            case WELL_FORMED -> connect;
            case WILL_RETAIN_WITHOUT_WILL -> connect.withWill(null).withFlags((flags & ~0x3c) | 0x20);
            case RESERVED_BIT -> connect.withFlags(flags | 0x01);
            case WILL_QOS_3 -> connect.withWill(will == null ? new RawMqtt.Will("devices/x", "", 0, false, 0) : will)
                    .withFlags(flags | 0x04 | 0x18);
            case WILL_QOS_WITHOUT_WILL -> connect.withWill(null).withFlags((flags & ~0x3c) | 0x08);
        };
    }

    /** Whether the broker must accept the CONNECT, by the README's rules. */
    static boolean accepted(Case c) {
        if (c.flags() != Flags.WELL_FORMED) {
            return false;
        }
        if (backEnd(c)) {
            // A back end's only permission is to subscribe to the events: no will of any kind.
            return c.login() == Login.ACCESS_KEY && c.will() == WillTopic.NONE;
        }
        if (!THING_NAME.matcher(clientId(c)).matches()) {
            return false;
        }
        return switch (c.will()) {
            case NONE, OWN_EXTRA -> true;
            case OWN_GET, OWN_START_NEXT, OWN_UPDATE, OWN_DESCRIBE -> !c.retain();
            default -> false;
        };
    }
}
