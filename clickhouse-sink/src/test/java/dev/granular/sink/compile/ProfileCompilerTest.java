package dev.granular.sink.compile;

import static dev.granular.sink.definitions.Defs.WS;
import static dev.granular.sink.definitions.Defs.entry;
import static dev.granular.sink.definitions.Defs.segment;
import static dev.granular.sink.definitions.Defs.userProperty;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.granular.sink.definitions.PropertyDefinition;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ProfileCompilerTest {

  private static final String ENV_TEST = "{'type':'Trait','id':'2','path':'env','operator':{'type':'Equals','value':'test'}}";
  private static final String RUNNING =
      "{'type':'Trait','id':'3','path':'status','operator':{'type':'Equals','value':'running'}}";

  @Test
  void equalDefinitionsGetEqualIdentitiesWhateverTheSpelling() {
    String a = root(entry("a", "{'type':'Trait','id':'1','path':'a.b','operator':{'type':'Equals','value':10}}"));
    String b = root(entry("b",
        "{'operator':{'value':'10','type':'Equals'},'path':'$[\\'a\\'][\\'b\\']','type':'Trait','id':'other-node-id'}"));
    assertEquals(a, b, "key order, node ids, path spelling and 10 vs '10' do not change the identity");
    assertEquals(64, a.length(), "SHA-256 hex");
    assertNotEquals(a, root(entry("c", "{'type':'Trait','id':'1','path':'a.b','operator':{'type':'Equals','value':'11'}}")));
  }

  @Test
  void sameDefinitionCompilesToTheSameIndexEveryTime() {
    List<PropertyDefinition> defs = List.of(and("s1", ENV_TEST, RUNNING), entry("s2", ENV_TEST));
    WorkspaceIndex first = ProfileCompiler.compile(WS, defs);
    WorkspaceIndex again = ProfileCompiler.compile(WS, List.of(defs.get(1), defs.get(0)));
    assertEquals(first.roots(), again.roots());
    assertEquals(first.leafIds(), again.leafIds());
    assertEquals(first.criterionIds(), again.criterionIds());
  }

  @Test
  void parentIdentityHashesChildIdentitiesOrderFree() {
    WorkspaceIndex index = ProfileCompiler.compile(WS, List.of(
        and("ab", ENV_TEST, RUNNING), and("ba", RUNNING, ENV_TEST), entry("env", ENV_TEST)));
    assertEquals(index.roots().get("ab"), index.roots().get("ba"));
    Criterion and = index.criteria().get(index.roots().get("ab"));
    assertEquals(CriterionKind.AND, and.kind());
    assertTrue(and.children().contains(index.roots().get("env")), "the shared child is one criterion");
    assertEquals(3, index.counts().criteria(), "two traits and one AND");
  }

  @Test
  void nestedGroupsOfTheSameKindFlatten() {
    String nested = "{'entryNode':{'type':'And','id':'1','children':['a','x']},'nodes':["
        + "{'type':'And','id':'x','children':['b','c']}," + trait("a", "p1") + "," + trait("b", "p2") + ","
        + trait("c", "p3") + "]}";
    String flat = "{'entryNode':{'type':'And','id':'1','children':['a','b','c']},'nodes':["
        + trait("a", "p1") + "," + trait("b", "p2") + "," + trait("c", "p3") + "]}";
    assertEquals(root(segment("n", nested)), root(segment("f", flat)));
  }

  @Test
  void singleChildAndOrIsReplacedByTheChild() {
    String wrapped = "{'entryNode':{'type':'And','id':'1','children':['2']},'nodes':["
        + "{'type':'Or','id':'2','children':['3']}," + ENV_TEST.replace("'2'", "'3'") + "]}";
    WorkspaceIndex index = ProfileCompiler.compile(WS, List.of(segment("wrapped", wrapped)));
    assertEquals(root(entry("bare", ENV_TEST)), index.roots().get("wrapped"));
    assertEquals(1, index.counts().criteria(), "no AND or OR criterion is left");
    assertEquals(CriterionKind.TRAIT, index.criteria().get(index.roots().get("wrapped")).kind());
  }

  @Test
  void identicalLeavesAcrossPropertiesAreComputedOnce() {
    WorkspaceIndex index = ProfileCompiler.compile(WS, List.of(
        entry("eq", ENV_TEST),
        entry("ne", "{'type':'Trait','id':'1','path':'env','operator':{'type':'NotEquals','value':'prod'}}"),
        entry("ex", "{'type':'Trait','id':'1','path':'$.env','operator':{'type':'Exists'}}"),
        entry("nx", "{'type':'Trait','id':'1','path':'env','operator':{'type':'NotExists'}}"),
        entry("gte", "{'type':'Trait','id':'1','path':'env','operator':{'type':'GreaterThanOrEqual','value':3}}"),
        and("both", ENV_TEST, RUNNING),
        userProperty("envValue", "{'type':'Trait','path':'env'}"),
        entry("once", "{'type':'Performed','id':'1','event':'test'}"),
        entry("twice", "{'type':'Performed','id':'1','event':'test','times':2,'timesOperator':'>='}"),
        entry("never", "{'type':'Performed','id':'1','event':'test','times':0}"),
        entry("recent", "{'type':'Performed','id':'1','event':'test','withinSeconds':5}"),
        entry("all", "{'type':'Everyone','id':'1'}"),
        userProperty("id", "{'type':'Id'}")));
    assertEquals(13, index.counts().properties());
    Map<LeafKind, Long> byKind = index.leaves().values().stream()
        .collect(Collectors.groupingBy(Leaf::kind, Collectors.counting()));
    // env and status values, identify presence, one count, one timed count, the known-user set
    assertEquals(Map.of(LeafKind.TRAIT_LAST, 2L, LeafKind.IDENTIFY_LAST, 1L, LeafKind.PERFORMED_COUNT, 1L,
        LeafKind.PERFORMED_TIMES, 1L, LeafKind.SEEN, 1L), byKind);
    assertEquals(6, index.counts().leaves());
    assertEquals(index.leavesOf("eq"), index.leavesOf("envValue"), "segment and user property share the leaf");
  }

  @Test
  void shortIdsStayStableAcrossRecompiles() {
    PropertyDefinition s1 = entry("s1", ENV_TEST);
    PropertyDefinition s2 = entry("s2", "{'type':'Performed','id':'1','event':'test'}");
    WorkspaceIndex first = ProfileCompiler.compile(WS, List.of(s1));
    String envLeaf = first.leavesOf("s1").iterator().next();
    int envId = first.leafIds().get(envLeaf);

    WorkspaceIndex second = ProfileCompiler.compile(WS, List.of(s2, s1), first.baseline());
    assertEquals(envId, second.leafIds().get(envLeaf), "an existing leaf keeps its short id");
    String countLeaf = second.leavesOf("s2").iterator().next();
    int countId = second.leafIds().get(countLeaf);
    assertNotEquals(envId, countId, "a new leaf gets an id of its own");

    WorkspaceIndex third = ProfileCompiler.compile(WS, List.of(s2), second.baseline());
    WorkspaceIndex fourth = ProfileCompiler.compile(WS, List.of(s1, s2), third.baseline());
    assertEquals(envId, fourth.leafIds().get(envLeaf), "a leaf dropped and re-added gets its old id back");
    assertEquals(countId, fourth.leafIds().get(countLeaf));
    assertEquals(Set.of(envLeaf), fourth.newLeaves(), "but it missed the windows while dropped, so it is backfilled");
    WorkspaceIndex restored = ProfileCompiler.compile(WS, List.of(s1, s2), new CompileBaseline(
        third.baseline().leafIds(), third.baseline().criterionIds(), third.baseline().roots()));
    assertTrue(restored.newLeaves().isEmpty(), "a baseline stored without live leaves treats every numbered leaf as live");
    assertEquals(ShortIds.of(second.leafIds().asMap()), fourth.leafIds());
  }

  @Test
  void aVersionInstalledBeforeAnyPlanCompletedKeepsItsIdsAndForgetsWhatItNoLongerMaintains() {
    PropertyDefinition s1 = entry("s1", ENV_TEST);
    PropertyDefinition s2 = entry("s2", "{'type':'Performed','id':'1','event':'test'}");
    WorkspaceIndex first = ProfileCompiler.compile(WS, List.of(s1, s2));
    String envLeaf = first.leavesOf("s1").iterator().next();
    CompileBaseline completed = first.baseline(); // a plan over the first version completed

    // s1 deleted: tasks now run without it, so its leaf stops being updated, even if no plan completes
    WorkspaceIndex deleted = ProfileCompiler.compile(WS, List.of(s2), completed);
    CompileBaseline installed = deleted.installedBaseline();
    assertEquals(Set.of(first.leavesOf("s2").iterator().next()), installed.liveLeaves());
    assertEquals(Set.of("s2"), installed.roots().keySet());
    // ... and restored before any plan over the deleted version completed
    WorkspaceIndex restored = ProfileCompiler.compile(WS, List.of(s1, s2), installed);
    assertEquals(Set.of(envLeaf), restored.newLeaves(), "the restored leaf missed windows: backfilled");
    assertEquals(Set.of("s1"), restored.changedProperties(), "the restored property is resolved again");
    assertEquals(first.leafIds().get(envLeaf), restored.leafIds().get(envLeaf), "with its old id");

    WorkspaceIndex again = ProfileCompiler.compile(WS, List.of(s2), installed);
    assertEquals(deleted.newLeaves(), again.newLeaves(), "the installed value compiles to the same index");
    assertEquals(deleted.changedProperties(), again.changedProperties());
    assertEquals(deleted.leafIds(), again.leafIds());
  }

  @Test
  void idsDoNotDependOnTheOrderDefinitionsArriveIn() {
    // `reset` reads the definitions again, in whatever order their partitions come; ClickHouse keeps the states
    // keyed by the ids given the first time, so the same leaves must get the same ids again.
    PropertyDefinition a = entry("a", ENV_TEST);
    PropertyDefinition b = entry("b", "{'type':'Performed','id':'1','event':'test'}");
    PropertyDefinition c = entry("c", "{'type':'Performed','id':'1','event':'other','times':2,'timesOperator':'>='}");
    WorkspaceIndex oneByOne = ProfileCompiler.compile(WS, List.of(a, b, c), ProfileCompiler.compile(WS, List.of(a, b),
        ProfileCompiler.compile(WS, List.of(a)).installedBaseline()).installedBaseline());
    WorkspaceIndex otherOrder = ProfileCompiler.compile(WS, List.of(a, b, c), ProfileCompiler.compile(WS, List.of(c, b),
        ProfileCompiler.compile(WS, List.of(c)).installedBaseline()).installedBaseline());
    WorkspaceIndex atOnce = ProfileCompiler.compile(WS, List.of(c, a, b));
    assertEquals(oneByOne.leafIds(), otherOrder.leafIds());
    assertEquals(oneByOne.leafIds(), atOnce.leafIds());
  }

  @Test
  void anIdentityWhoseIdIsTakenTakesTheNextFreeOne() {
    ShortIds held = ShortIds.of(Map.of("x", ShortIds.derived("y"), "old", 1));
    ShortIds more = held.with(List.of("y", "x"));
    assertEquals(ShortIds.derived("y") + 1, more.get("y"));
    assertEquals(1, more.get("old"), "ids numbered in order by earlier versions are kept");
    assertTrue(ShortIds.derived("anything") >= ShortIds.DERIVED_FROM, "derived ids never meet the ordered ones");
  }

  @Test
  void twoVersionsInstalledInTurnNeverGiveOneIdToTwoLeaves() {
    PropertyDefinition s1 = entry("s1", ENV_TEST);
    CompileBaseline completed = ProfileCompiler.compile(WS, List.of(s1)).baseline();
    WorkspaceIndex second = ProfileCompiler.compile(WS, List.of(s1, entry("s2", "{'type':'Performed','id':'1','event':'a'}")),
        completed);
    WorkspaceIndex third = ProfileCompiler.compile(WS, List.of(s1, entry("s3", "{'type':'Performed','id':'1','event':'b'}")),
        second.installedBaseline());
    int s2Leaf = second.leafIds().get(second.leavesOf("s2").iterator().next());
    int s3Leaf = third.leafIds().get(third.leavesOf("s3").iterator().next());
    assertNotEquals(s2Leaf, s3Leaf, "a task of the second version may already have written state under its id");
  }

  @Test
  void aChangedDefinitionMarksOnlyItsNewLeavesAsNew() {
    PropertyDefinition s1 = entry("s1", "{'type':'Performed','id':'1','event':'test','timesOperator':'>=','times':1}");
    PropertyDefinition s2 = and("s2", ENV_TEST, RUNNING);
    WorkspaceIndex before = ProfileCompiler.compile(WS, List.of(s1, s2));
    assertEquals(before.leaves().keySet(), before.newLeaves(), "everything is new against an empty baseline");

    PropertyDefinition threshold = entry("s1", "{'type':'Performed','id':'1','event':'test','timesOperator':'>=','times':2}");
    WorkspaceIndex thresholdChanged = ProfileCompiler.compile(WS, List.of(threshold, s2), before.baseline());
    assertEquals(Set.of("s1"), thresholdChanged.changedProperties());
    assertTrue(thresholdChanged.newLeaves().isEmpty(), "the count leaf is reused: times is a resolve-time parameter");

    PropertyDefinition otherEvent = entry("s1", "{'type':'Performed','id':'1','event':'other','timesOperator':'>=','times':1}");
    WorkspaceIndex eventChanged = ProfileCompiler.compile(WS, List.of(otherEvent, s2), before.baseline());
    assertEquals(Set.of("s1"), eventChanged.changedProperties());
    assertEquals(eventChanged.leavesOf("s1"), eventChanged.newLeaves());
    assertEquals(1, eventChanged.counts().newLeaves());
    assertTrue(eventChanged.knownLeaves().containsAll(eventChanged.leavesOf("s2")));
  }

  @Test
  void constantsForWhatDittofeedNeverAssigns() {
    WorkspaceIndex index = ProfileCompiler.compile(WS, List.of(
        entry("badPath", "{'type':'Trait','id':'1','path':'a[..email','operator':{'type':'Exists'}}"),
        userProperty("badTrait", "{'type':'Trait','path':'a[..email'}"),
        userProperty("skipped", "{'type':'Performed','event':'e','path':'p','skipReCompute':true}")));
    assertEquals(CriterionKind.NEVER, index.criteria().get(index.roots().get("badPath")).kind());
    assertEquals(CriterionKind.ABSENT, index.criteria().get(index.roots().get("badTrait")).kind());
    assertEquals(index.roots().get("badTrait"), index.roots().get("skipped"));
    assertEquals(0, index.counts().leaves());
  }

  @Test
  void randomBucketsAreSaltedByTheSegmentName() {
    String bucket = "{'entryNode':{'type':'RandomBucket','id':'1','percent':0.5},'nodes':[]}";
    WorkspaceIndex index = ProfileCompiler.compile(WS, List.of(segment("a", "control", bucket), segment("b", "test", bucket)));
    assertNotEquals(index.roots().get("a"), index.roots().get("b"));
    assertEquals(1, index.counts().leaves(), "both read only the known-user set");
  }

  @Test
  void anyOfKeepsChildOrderAndSkipsNulls() {
    String ab = "{'type':'Group','entry':'1','nodes':[{'type':'AnyOf','id':'1','children':['2','3']},"
        + "{'type':'Trait','id':'2','path':'a'},{'type':'Trait','id':'3','path':'b'}]}";
    WorkspaceIndex index = ProfileCompiler.compile(WS, List.of(userProperty("ab", ab),
        userProperty("ba", ab.replace("['2','3']", "['3','2']")), userProperty("a", "{'type':'Trait','path':'a'}")));
    assertNotEquals(index.roots().get("ab"), index.roots().get("ba"));
    assertEquals(3, index.counts().leaves(), "a and b with nulls skipped, a with nulls as values");
  }

  @Test
  void theEventIndexListsLeavesAnEventCanChange() {
    WorkspaceIndex index = ProfileCompiler.compile(WS, List.of(entry("env", ENV_TEST),
        entry("buys", "{'type':'Performed','id':'1','event':'PURCHASE_*','times':1,'timesOperator':'>='}"),
        userProperty("id", "{'type':'Id'}")));
    assertEquals(Set.of(LeafKind.TRAIT_LAST, LeafKind.SEEN),
        Set.copyOf(index.leavesAffectedBy("identify", null).stream().map(Leaf::kind).toList()));
    assertEquals(Set.of(LeafKind.PERFORMED_COUNT, LeafKind.SEEN),
        Set.copyOf(index.leavesAffectedBy("track", "PURCHASE_SHOE").stream().map(Leaf::kind).toList()));
    assertEquals(List.of(LeafKind.SEEN), index.leavesAffectedBy("track", "VIEW").stream().map(Leaf::kind).toList());
  }

  private static String root(PropertyDefinition definition) {
    return ProfileCompiler.compile(WS, List.of(definition)).roots().get(definition.id());
  }

  private static PropertyDefinition and(String id, String first, String second) {
    String a = first.replaceFirst("'id':'[^']*'", "'id':'a'");
    String b = second.replaceFirst("'id':'[^']*'", "'id':'b'");
    return segment(id, "{'entryNode':{'type':'And','id':'1','children':['a','b']},'nodes':[" + a + "," + b + "]}");
  }

  private static String trait(String id, String path) {
    return "{'type':'Trait','id':'" + id + "','path':'" + path + "','operator':{'type':'Exists'}}";
  }
}
