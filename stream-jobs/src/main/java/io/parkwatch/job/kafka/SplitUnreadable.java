package io.parkwatch.job.kafka;

import io.parkwatch.rules.model.Reading;
import io.parkwatch.rules.wire.RejectedReading;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/** Readings go on; refusals of unreadable records go to a side output, for the rejected topic. */
public final class SplitUnreadable extends ProcessFunction<IncomingReading, Reading> {

    public static final OutputTag<RejectedReading> UNREADABLE = new OutputTag<>("unreadable-readings",
            TypeInformation.of(RejectedReading.class));

    @Override
    public void processElement(IncomingReading in, Context ctx, Collector<Reading> out) {
        if (in.reading() != null) {
            out.collect(in.reading());
        } else {
            ctx.output(UNREADABLE, in.refused());
        }
    }
}
