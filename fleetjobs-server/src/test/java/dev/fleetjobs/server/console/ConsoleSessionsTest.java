package dev.fleetjobs.server.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetjobs.server.auth.AccessKeyRegistry;
import dev.fleetjobs.server.scheduler.SettableClock;
import dev.fleetjobs.store.JobStore;
import dev.fleetjobs.store.sqlite.SqliteStores;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleSessionsTest {

    @TempDir
    Path dataDir;

    private JobStore store;
    private final SettableClock clock = SettableClock.fixedAt(Instant.parse("2030-01-01T00:00:00Z"));
    private ConsoleSessions sessions;

    @BeforeEach
    void open() {
        store = SqliteStores.open(dataDir);
        sessions = new ConsoleSessions(store, new AccessKeyRegistry("ROOTKEY", "root-secret", "000000000000"), clock, Duration.ofHours(8));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aSessionLastsItsLifetimeAndNotOneMillisecondMore() {
        ConsoleSessions.SignedIn signedIn = sessions.signIn("ROOTKEY", "root-secret").join();
        assertThat(signedIn.expiresAtMillis()).isEqualTo(clock.millis() + Duration.ofHours(8).toMillis());
        assertThat(sessions.caller(signedIn.token()).join().accessKeyId()).isEqualTo("ROOTKEY");

        clock.advance(Duration.ofHours(8).minusMillis(1));
        assertThat(sessions.caller(signedIn.token()).join().principal().name()).endsWith(":root");
        clock.advance(Duration.ofMillis(1));
        assertThatThrownBy(() -> sessions.caller(signedIn.token()).join()).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(UnauthorizedException.class);
    }

    @Test
    void tokensAreRandomAndOnlyTheirHashIsStored() {
        String a = sessions.signIn("ROOTKEY", "root-secret").join().token();
        String b = sessions.signIn("ROOTKEY", "root-secret").join().token();
        assertThat(a).isNotEqualTo(b).hasSize(43);
        assertThat(store.read(r -> r.findConsoleSession(SessionToken.hash(a))).join()).isPresent();
        assertThat(store.read(r -> r.findConsoleSession(a)).join()).isEmpty();
        assertThat(SessionToken.csrf(a)).isNotEqualTo(SessionToken.csrf(b)).isNotEqualTo(SessionToken.hash(a));
    }

    @Test
    void expiredSessionsAreDeletedWhenSomeoneSignsIn() {
        String old = sessions.signIn("ROOTKEY", "root-secret").join().token();
        clock.advance(Duration.ofHours(9));
        sessions.signIn("ROOTKEY", "root-secret").join();
        assertThat(store.read(r -> r.findConsoleSession(SessionToken.hash(old))).join()).isEmpty();
    }

    @Test
    void wrongSecretsAndMalformedTokensAreRefused() {
        assertThatThrownBy(() -> sessions.signIn("ROOTKEY", "root-secreT").join()).hasCauseInstanceOf(UnauthorizedException.class);
        assertThatThrownBy(() -> sessions.signIn("OTHER", "root-secret").join()).hasCauseInstanceOf(UnauthorizedException.class);
        assertThatThrownBy(() -> sessions.caller("' OR 1=1 --").join()).hasCauseInstanceOf(UnauthorizedException.class);
        assertThatThrownBy(() -> sessions.caller(null).join()).hasCauseInstanceOf(UnauthorizedException.class);
    }
}
