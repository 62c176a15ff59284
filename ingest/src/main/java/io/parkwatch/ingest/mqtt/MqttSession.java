package io.parkwatch.ingest.mqtt;

import io.netty.channel.Channel;
import io.netty.handler.codec.mqtt.MqttVersion;
import io.netty.util.AttributeKey;
import io.parkwatch.ingest.device.Device;
import io.parkwatch.ingest.intake.Origin;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/** What the gateway knows about one authenticated MQTT connection. Set once, after CONNECT. */
public record MqttSession(Device device, String clientId, MqttVersion version, Origin origin) {

    static final AttributeKey<MqttSession> KEY = AttributeKey.valueOf("parkwatch.mqtt.session");

    static MqttSession of(Channel ch) {
        return ch.attr(KEY).get();
    }

    static boolean isV5(Channel ch) {
        MqttSession s = of(ch);
        return s != null && s.version() == MqttVersion.MQTT_5;
    }

    static String remote(Channel ch) {
        SocketAddress a = ch.remoteAddress();
        if (a instanceof InetSocketAddress i) {
            return i.getHostString() + ":" + i.getPort();
        }
        return String.valueOf(a);
    }
}
