package io.emolens.pipeline;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The newest-wins hand-over between the pipeline's threads. */
class LatestSlotTest {

    @Test
    void theNewestItemWinsAndNothingQueues() throws Exception {
        LatestSlot<String> slot = new LatestSlot<>();
        assertFalse(slot.offer("frame 1"));
        assertTrue(slot.offer("frame 2"), "frame 1 was still waiting and is replaced");
        assertEquals("frame 2", slot.take());
        assertFalse(slot.offer("frame 3"));
        slot.clear();
        slot.offer("frame 4");
        assertEquals("frame 4", slot.take(), "a cleared item is gone");
    }

    @Test
    void anUrgentItemEndsARestAndStopEndsATake() throws Exception {
        LatestSlot<String> slot = new LatestSlot<>();
        CompletableFuture<Long> rested = CompletableFuture.supplyAsync(() -> {
            long t0 = System.nanoTime();
            try {
                slot.rest(30_000);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return (System.nanoTime() - t0) / 1_000_000L;
        });
        Thread.sleep(100);
        slot.offer("ordinary frame");
        Thread.sleep(100);
        assertFalse(rested.isDone(), "an ordinary frame does not end the rest");
        slot.offer("first frame of a new shot", true);
        assertTrue(rested.get(10, TimeUnit.SECONDS) < 30_000);
        assertEquals("first frame of a new shot", slot.take());

        CompletableFuture<String> taken = CompletableFuture.supplyAsync(() -> {
            try {
                return slot.take();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(100);
        slot.stop();
        assertNull(taken.get(10, TimeUnit.SECONDS), "a stopped slot gives nothing");
        assertFalse(slot.offer("after stop"));
    }
}
