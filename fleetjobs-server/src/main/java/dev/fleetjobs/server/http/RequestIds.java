package dev.fleetjobs.server.http;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The {@code x-amzn-RequestId} of each answer: a random (version 4) UUID, as AWS sends, drawn from
 * the thread's own generator. {@code UUID.randomUUID()} draws from the one shared SecureRandom, a
 * lock the event loops would queue on for every request; a request id is no secret.
 */
public final class RequestIds {

    private RequestIds() {
    }

    public static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low).toString();
    }
}
