package dk.greatercph.ope.platform.eventstore;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventStorePropertiesTest {

    private static final long MB = 1024 * 1024;

    @Test
    void theDocumentedHeapKeepsAxonsTenThousandCachedEvents() {
        // -Xmx256m with the serial collector reports 247 MB: the heap less one survivor space
        assertThat(EventStoreProperties.defaultCachedEvents(247 * MB)).isEqualTo(10_000);
        assertThat(EventStoreProperties.defaultCachedEvents(256 * MB)).isEqualTo(10_000);
    }

    @Test
    void aLargerHeapKeepsWhatASixteenthOfItHolds() {
        assertThat(EventStoreProperties.defaultCachedEvents(1024 * MB)).isEqualTo(32_768);
        assertThat(EventStoreProperties.defaultCachedEvents(2048 * MB)).isEqualTo(65_536);
    }

    @Test
    void noHeapKeepsMoreThanTheMost() {
        assertThat(EventStoreProperties.defaultCachedEvents(6 * 1024 * MB)).isEqualTo(196_608);
        assertThat(EventStoreProperties.defaultCachedEvents(64 * 1024 * MB)).isEqualTo(200_000);
    }

    @Test
    void anUnsetCacheFollowsThisJvmsHeapAndASetOneIsKept() {
        assertThat(new EventStoreProperties(null, null, null, null).cachedEvents())
                .isEqualTo(EventStoreProperties.defaultCachedEvents(Runtime.getRuntime().maxMemory()));
        assertThat(new EventStoreProperties(null, null, null, 50_000).cachedEvents()).isEqualTo(50_000);
    }

    @Test
    void aCacheOfNoEventsIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new EventStoreProperties(null, null, null, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ope.event-store.cached-events");
    }
}
