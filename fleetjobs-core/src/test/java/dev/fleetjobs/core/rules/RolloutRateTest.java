package dev.fleetjobs.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetjobs.core.model.ExponentialRate;
import dev.fleetjobs.core.model.RolloutConfig;
import dev.fleetjobs.core.model.RolloutState;
import org.junit.jupiter.api.Test;

class RolloutRateTest {

    private static final long T0 = 1_700_000_000_000L;
    private static final long MINUTE = RolloutRate.WINDOW_MILLIS;

    @Test
    void aConstantRateOffersThatManyPerMinuteAndNoMore() {
        RolloutConfig config = new RolloutConfig(3, null);
        RolloutState state = RolloutState.initial("job", 8);

        RolloutRate.Release first = RolloutRate.release(config, state, 0, T0);
        assertThat(first.count()).isEqualTo(3);
        assertThat(RolloutRate.nextReleaseMillis(first.next())).isEqualTo(T0 + MINUTE);

        RolloutRate.Release sameMinute = RolloutRate.release(config, first.next(), 0, T0 + MINUTE - 1);
        assertThat(sameMinute.count()).as("the minute's allowance is used up").isZero();

        RolloutRate.Release second = RolloutRate.release(config, sameMinute.next(), 0, T0 + MINUTE);
        assertThat(second.count()).isEqualTo(3);
        RolloutRate.Release third = RolloutRate.release(config, second.next(), 0, T0 + 2 * MINUTE);
        assertThat(third.count()).as("only what remains").isEqualTo(2);
        assertThat(third.next().remaining()).isZero();
        assertThat(third.next().notified()).isEqualTo(8);
        assertThat(RolloutRate.nextReleaseMillis(third.next())).isNull();
    }

    @Test
    void aPauseIsNotCaughtUpInABurst() {
        RolloutConfig config = new RolloutConfig(2, null);
        RolloutState afterFirst = RolloutRate.release(config, RolloutState.initial("job", 10), 0, T0).next();
        RolloutRate.Release late = RolloutRate.release(config, afterFirst, 0, T0 + 10 * MINUTE);
        assertThat(late.count()).isEqualTo(2);
        assertThat(late.next().windowStartMillis()).isEqualTo(T0 + 10 * MINUTE);
    }

    @Test
    void theExponentialRateFollowsTheDocumentedExample() {
        // Base 50, factor 2, criteria 1000: 50/100/200/400 per minute after 0/1000/2000/3000 notified things.
        RolloutConfig config = new RolloutConfig(null, new ExponentialRate(50, 2.0, 1000, null));
        assertThat(RolloutRate.perMinute(config, 0, 0)).isEqualTo(50);
        assertThat(RolloutRate.perMinute(config, 999, 0)).isEqualTo(50);
        assertThat(RolloutRate.perMinute(config, 1000, 0)).isEqualTo(100);
        assertThat(RolloutRate.perMinute(config, 2000, 0)).isEqualTo(200);
        assertThat(RolloutRate.perMinute(config, 3000, 0)).isEqualTo(400);
        assertThat(RolloutRate.perMinute(config, 6000, 0)).as("capped at the default maximum of 1000").isEqualTo(1000);
    }

    @Test
    void succeededThingsRaiseTheRateToo_whicheverCriterionComesFirst() {
        RolloutConfig config = new RolloutConfig(null, new ExponentialRate(10, 1.5, 100, 5));
        assertThat(RolloutRate.perMinute(config, 0, 4)).isEqualTo(10);
        assertThat(RolloutRate.perMinute(config, 0, 5)).isEqualTo(15);
        assertThat(RolloutRate.perMinute(config, 0, 10)).as("10 * 1.5^2 = 22.5, rounded down").isEqualTo(22);
        assertThat(RolloutRate.perMinute(config, 300, 5)).as("3 notified levels beat 1 succeeded level").isEqualTo(33);
    }

    @Test
    void maximumPerMinuteCapsTheExponentialRate() {
        RolloutConfig config = new RolloutConfig(25, new ExponentialRate(10, 2.0, 1, null));
        assertThat(RolloutRate.perMinute(config, 0, 0)).isEqualTo(10);
        assertThat(RolloutRate.perMinute(config, 1, 0)).isEqualTo(20);
        assertThat(RolloutRate.perMinute(config, 2, 0)).isEqualTo(25);
        assertThat(RolloutRate.perMinute(config, 1_000_000, 0)).isEqualTo(25);
    }

    @Test
    void theRateIsJudgedAtTheStartOfEachMinute() {
        // Base 1, factor 2, doubling after every 2 notified things.
        RolloutConfig config = new RolloutConfig(null, new ExponentialRate(1, 2.0, 2, null));
        RolloutState state = RolloutState.initial("job", 100);
        int[] perMinute = new int[5];
        for (int minute = 0; minute < 5; minute++) {
            RolloutRate.Release release = RolloutRate.release(config, state, 0, T0 + minute * MINUTE);
            perMinute[minute] = release.count();
            state = release.next();
        }
        // notified 0 -> rate 1 (1); notified 1 -> rate 1 (1); notified 2 -> rate 2 (2); notified 4 -> rate 4 (4); notified 8 -> 16
        assertThat(perMinute).containsExactly(1, 1, 2, 4, 16);
    }

    @Test
    void withoutARolloutConfigEverythingIsReleasedAtOnce() {
        RolloutRate.Release release = RolloutRate.release(null, RolloutState.initial("job", 5000), 0, T0);
        assertThat(release.count()).isEqualTo(5000);
        assertThat(release.next().remaining()).isZero();
    }

    @Test
    void aLimitCapsTheReleaseAndNoRoomChangesNothing() {
        RolloutConfig config = new RolloutConfig(5, null);
        RolloutRate.Release capped = RolloutRate.release(config, RolloutState.initial("job", 10), 0, T0, 2);
        assertThat(capped.count()).isEqualTo(2);
        assertThat(capped.next().releasedInWindow()).isEqualTo(2);
        RolloutState held = capped.next();
        RolloutRate.Release none = RolloutRate.release(config, held, 0, T0 + 5 * MINUTE, 0);
        assertThat(none.count()).isZero();
        assertThat(none.next()).as("no window opens while nothing may go").isSameAs(held);
        assertThat(RolloutRate.release(null, RolloutState.initial("job", 10), 0, T0, 3).count()).isEqualTo(3);
    }
}
