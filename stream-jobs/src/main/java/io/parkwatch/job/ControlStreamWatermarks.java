package io.parkwatch.job;

import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/**
 * Watermarks for a control stream (configuration, operators' commands): none, and the stream declared
 * idle, so that an operator joining it with readings takes its event time from the readings alone.
 *
 * <p>Not "end of time" (Long.MAX_VALUE): when the readings fall silent for longer than their idleness
 * (a quiet night, a gateway restart, devices not yet connected), the joined operator would take the
 * control stream's watermark, jump to the end of time, and judge every later reading late. With both
 * inputs idle the watermark simply holds until readings come back.
 */
final class ControlStreamWatermarks {

    private ControlStreamWatermarks() {
    }

    static <T> WatermarkStrategy<T> strategy() {
        return WatermarkStrategy.forGenerator(ctx -> new WatermarkGenerator<T>() {
            @Override
            public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
                // a record makes the stream active for a moment; the next periodic call makes it idle again
            }

            @Override
            public void onPeriodicEmit(WatermarkOutput output) {
                output.markIdle();
            }
        });
    }
}
