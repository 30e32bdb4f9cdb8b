package dev.granular.sink.definitions;

import static dev.granular.sink.definitions.Defs.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.granular.sink.definitions.DefinitionException.Reason;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DefinitionParserTest {

  private static final String TRAIT = "{'type':'Trait','id':'t','path':'env','operator':{'type':'Equals','value':'x'}}";

  /** (reason, topic message or definition, words the message must contain). */
  static Stream<Arguments> invalid() {
    return Stream.of(
        bad(Reason.MALFORMED, "not json at all", "not JSON"),
        bad(Reason.MALFORMED, seg("{'type':'Trait','id':'2','operator':{'type':'Exists'}}"), "'2'", "'path'"),
        bad(Reason.MALFORMED, seg("{'type':'And','id':'2','children':'3'}"), "'2'", "'children'"),
        bad(Reason.MALFORMED, "{'workspaceId':'w','id':'p','type':'Journey','definition':{}}", "'type'"),
        bad(Reason.MALFORMED, "{'workspaceId':'w','id':'p','type':'Segment'}", "'definition'"),
        bad(Reason.MALFORMED, up("{'type':'AnyOf','id':'1','children':[]}"), "Group"),
        bad(Reason.UNKNOWN_NODE_TYPE, seg("{'type':'Sometimes','id':'2'}"), "'2'", "Sometimes"),
        bad(Reason.UNKNOWN_NODE_TYPE, up("{'type':'Magic'}"), "Magic"),
        bad(Reason.UNSUPPORTED_NODE_TYPE, seg("{'type':'Manual','id':'2','version':1}"), "Manual"),
        bad(Reason.UNSUPPORTED_NODE_TYPE, up("{'type':'File','name':'f'}"), "File"),
        bad(Reason.UNSUPPORTED_NODE_TYPE, up("{'type':'Group','entry':'1','nodes':[{'type':'Id','id':'1'}]}"),
            "inside a Group"),
        bad(Reason.UNKNOWN_OPERATOR,
            seg("{'type':'Trait','id':'2','path':'a','operator':{'type':'Like','value':'x'}}"), "'2'", "Like"),
        bad(Reason.UNSUPPORTED_OPERATOR, seg("{'type':'Performed','id':'2','event':'e','properties':"
            + "[{'path':'a','operator':{'type':'Within','windowSeconds':5}}]}"), "'2'", "properties[0]", "Within"),
        bad(Reason.UNSUPPORTED_OPERATOR, up("{'type':'Performed','event':'e','path':'p','properties':"
            + "[{'path':'a','operator':{'type':'Exists'}}]}"), "Exists"),
        bad(Reason.BAD_OPERATOR_VALUE, seg("{'type':'Performed','id':'2','event':'e','times':-1}"), "'times'"),
        bad(Reason.BAD_OPERATOR_VALUE, seg("{'type':'Performed','id':'2','event':'e','times':1.5}"), "whole"),
        bad(Reason.BAD_OPERATOR_VALUE,
            seg("{'type':'Performed','id':'2','event':'e','timesOperator':'!='}"), "'timesOperator'"),
        bad(Reason.BAD_OPERATOR_VALUE, seg("{'type':'RandomBucket','id':'2','percent':2}"), "'percent'"),
        bad(Reason.BAD_OPERATOR_VALUE, seg("{'type':'Trait','id':'2','path':'a','operator':"
            + "{'type':'GreaterThanOrEqual','value':'ten'}}"), "'2'", "'value'"),
        bad(Reason.BAD_OPERATOR_VALUE, seg("{'type':'Trait','id':'2','path':'a','operator':"
            + "{'type':'HasBeen','value':'x','comparator':'GT','windowSeconds':5}}"), "'comparator'"),
        bad(Reason.BAD_OPERATOR_VALUE, seg("{'type':'Trait','id':'2','path':'a','operator':"
            + "{'type':'AbsoluteTimestamp','absoluteTimestamp':'yesterday','direction':'after'}}"), "absoluteTimestamp"),
        bad(Reason.DUPLICATE_NODE_ID, segment("{'type':'And','id':'1','children':['2']}",
            TRAIT.replace("'t'", "'2'"), TRAIT.replace("'t'", "'2'")), "'2'"),
        bad(Reason.DANGLING_CHILD, segment("{'type':'And','id':'1','children':['2','9']}",
            TRAIT.replace("'t'", "'2'")), "'1'", "'9'"),
        bad(Reason.DANGLING_CHILD, up("{'type':'Group','entry':'7','nodes':[{'type':'Trait','id':'1','path':'a'}]}"),
            "'7'"),
        bad(Reason.CYCLE, segment("{'type':'And','id':'1','children':['2']}",
            "{'type':'Or','id':'2','children':['3']}", "{'type':'And','id':'3','children':['2']}"), "'2'"),
        bad(Reason.CYCLE, up("{'type':'Group','entry':'1','nodes':[{'type':'AnyOf','id':'1','children':['1']}]}"),
            "'1'"),
        bad(Reason.WRONG_TYPE, seg("{'type':'Performed','id':'2','event':42}"), "'2'", "'event'", "NUMBER"),
        bad(Reason.LONE_SURROGATE, segmentMessage("{'entryNode':{'type':'Performed','event':'e\\udc00'}}"), "surrogate"),
        bad(Reason.TOO_DEEP, segmentMessage(DefinitionLimitsTest.chain(DefinitionParser.MAX_DEPTH + 1)), "levels deep"),
        bad(Reason.TOO_MANY_NODES, seg("{'type':'Or','id':'2','children':[" + "'2',".repeat(1000) + "'2']}"), "'children'"),
        bad(Reason.ID_TOO_LONG, up("{'type':'Id'}").replace("'p'", "'" + "p".repeat(1025) + "'"), "1025"));
  }

  /** Only the bytes show these: invalid UTF-8 and NUL are checked before decoding, size on the raw value. */
  private static final Set<Reason> BYTE_LEVEL = EnumSet.of(Reason.INVALID_UTF8, Reason.NUL_BYTE, Reason.TOO_LARGE);

  private static Arguments bad(Reason reason, String message, String... mentions) {
    return Arguments.of(reason, message, List.of(mentions));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("invalid")
  void rejectsWithReasonAndNamesTheSpot(Reason reason, String message, List<String> mentions) {
    DefinitionException e = assertThrows(DefinitionException.class, () -> DefinitionParser.parse(json(message)));
    assertEquals(reason, e.reason(), e.getMessage());
    for (String mention : mentions) {
      assertTrue(e.getMessage().contains(mention), "message '" + e.getMessage() + "' should name " + mention);
    }
  }

  @Test
  void everyReasonIsExercised() {
    Set<Reason> covered = EnumSet.noneOf(Reason.class);
    invalid().forEach(args -> covered.add((Reason) args.get()[0]));
    covered.addAll(BYTE_LEVEL); // in DefinitionLimitsTest
    assertEquals(EnumSet.allOf(Reason.class), covered);
  }

  @Test
  void readsTheTopicMessage() {
    PropertyDefinition parsed = DefinitionParser.parse(json(
        "{'workspaceId':'w1','id':'s1','name':'Shoppers','type':'Segment','definition':" + segmentJson(TRAIT) + "}"));
    assertEquals("w1", parsed.workspaceId());
    assertEquals("Shoppers", parsed.name());
    assertEquals(PropertyKind.SEGMENT, parsed.kind());
    assertInstanceOf(SegmentNode.Trait.class, parsed.segment().entry());
    assertEquals("p", DefinitionParser.parse(json(up("{'type':'Id'}"))).name(), "name defaults to id");
  }

  @Test
  void performedDefaultsToExactlyOnceWithoutWindow() {
    SegmentNode.Performed performed = (SegmentNode.Performed) Defs.entry("s", "{'type':'Performed','id':'1','event':'e'}")
        .segment().entry();
    assertEquals(1, performed.times());
    assertEquals(TimesOperator.EQUALS, performed.timesOperator());
    assertEquals(0, performed.withinMs());
  }

  @Test
  void dropsAPropertyConditionWithAnInvalidPathLikeDittofeed() {
    SegmentNode.Performed performed = (SegmentNode.Performed) Defs.entry("s", "{'type':'Performed','id':'1','event':'e',"
        + "'properties':[{'path':'!*(_.$%','operator':{'type':'Equals','value':'x'}},"
        + "{'path':'ok','operator':{'type':'Exists'}}]}").segment().entry();
    assertEquals(1, performed.properties().size());
    assertEquals("$.ok", performed.properties().get(0).path().canonical());
  }

  @Test
  void keepsATraitWithAnInvalidPathWithoutThrowing() {
    UserPropertyNode.Trait trait = (UserPropertyNode.Trait) Defs.userProperty("p", "{'type':'Trait','path':'a[..email'}")
        .userProperty().root();
    assertFalse(trait.path().valid());
  }

  @Test
  void unfoldsAGroupIntoItsEntry() {
    UserPropertyDefinition group = Defs.userProperty("p", "{'type':'Group','entry':'1','nodes':["
        + "{'type':'AnyOf','id':'1','children':['2','3']},{'type':'Trait','id':'2','path':'a'},"
        + "{'type':'Performed','id':'3','event':'e','path':'b'}]}").userProperty();
    assertEquals(new UserPropertyNode.AnyOf("1", List.of("2", "3")), group.root());
    assertInstanceOf(UserPropertyNode.Performed.class, group.node("3"));
  }

  private static String seg(String node) {
    return segmentMessage(segmentJson("{'type':'And','id':'1','children':['2']}", node));
  }

  private static String segment(String entry, String... nodes) {
    return segmentMessage(segmentJson(entry, nodes));
  }

  private static String segmentJson(String entry, String... nodes) {
    return "{'entryNode':" + entry + ",'nodes':[" + String.join(",", nodes) + "]}";
  }

  private static String segmentMessage(String definition) {
    return "{'workspaceId':'w','id':'s','type':'Segment','definition':" + definition + "}";
  }

  private static String up(String definition) {
    return "{'workspaceId':'w','id':'p','type':'UserProperty','definition':" + definition + "}";
  }
}
