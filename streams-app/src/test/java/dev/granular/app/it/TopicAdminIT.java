package dev.granular.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.granular.app.config.AppConfig;
import dev.granular.app.topology.TopicAdmin;
import dev.granular.app.topology.Topics;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

/** `migrate` on topics created before the 16 MB record limit: it raises the limit, and leaves other configs. */
class TopicAdminIT {
  @Test
  void aTopicCreatedWithTheBrokersDefaultSizeGetsTheDeclaredOne() throws Exception {
    AppConfig config = ItServices.isolatedConfig(Map.of());
    Topics topics = new Topics(config.topics());
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", ItServices.BOOTSTRAP));
         TopicAdmin topicAdmin = new TopicAdmin(ItServices.BOOTSTRAP)) {
      admin.createTopics(List.of(new NewTopic(topics.userEvents.name(), 1, (short) 1),
          new NewTopic(topics.userEventsDlq.name(), 1, (short) 1)
              .configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(64 * 1024 * 1024))))).all().get();
      topicAdmin.ensure(List.of(topics.userEvents, topics.userEventsDlq), 1, (short) 1);
      // Whether or not the broker's metadata had caught up with the creation, ensure() must have raised the limit.
      assertEquals(Integer.toString(Topics.MAX_INPUT_RECORD_BYTES), maxMessageBytes(admin, topics.userEvents.name()));
      assertEquals(Integer.toString(64 * 1024 * 1024), maxMessageBytes(admin, topics.userEventsDlq.name()), "never lowered");
    } finally {
      ItServices.cleanup(config);
    }
  }

  private static String maxMessageBytes(Admin admin, String topic) throws Exception {
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    return admin.describeConfigs(List.of(resource)).all().get().get(resource).get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG).value();
  }
}
