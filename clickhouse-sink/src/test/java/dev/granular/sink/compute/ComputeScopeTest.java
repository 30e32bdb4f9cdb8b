package dev.granular.sink.compute;

import static dev.granular.sink.definitions.Defs.WS;
import static dev.granular.sink.definitions.Defs.entry;
import static dev.granular.sink.definitions.Defs.userProperty;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.granular.sink.compile.ProfileCompiler;
import dev.granular.sink.compile.WorkspaceIndex;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ComputeScopeTest {
  private static final WorkspaceIndex INDEX = ProfileCompiler.compile(WS, List.of(
      entry("pro", "{'type':'Trait','id':'1','path':'plan','operator':{'type':'Equals','value':'pro'}}"),
      entry("not-pro", "{'type':'Trait','id':'1','path':'plan','operator':{'type':'NotEquals','value':'pro'}}"),
      userProperty("plan", "{'type':'Trait','path':'plan'}")));

  @Test
  void aPropertySubsetSelectsTheLeavesItReads() {
    ComputeScope scope = ComputeScope.all().withProperties(Set.of("not-pro"));
    assertEquals(Set.of("not-pro"), scope.properties(INDEX));
    assertEquals(INDEX.leavesOf("not-pro"), scope.leaves(INDEX));
    assertEquals(2, scope.leaves(INDEX).size(), "the trait and the latest identify");
    assertEquals(INDEX.leaves().keySet(), ComputeScope.all().leaves(INDEX));
    assertTrue(scope.leaves(INDEX).containsAll(INDEX.leavesOf("pro")), "a leaf shared with another property is in both scopes");
  }

  @Test
  void aLeafSubsetNarrowsInsertsAndCannotResolve() {
    String trait = INDEX.leavesOf("pro").iterator().next();
    ComputeScope scope = ComputeScope.all().withLeaves(Set.of(trait));
    assertEquals(Set.of(trait), scope.leaves(INDEX));
    assertFalse(scope.canResolve());
    assertTrue(ComputeScope.all().withProperties(Set.of("pro")).canResolve());
  }

  @Test
  void anUnknownPropertyOrBucketIsAnError() {
    assertThrows(IllegalArgumentException.class, () -> ComputeScope.all().withProperties(Set.of("gone")).properties(INDEX));
    assertThrows(IllegalArgumentException.class, () -> ComputeScope.all().inBucket(2, 2));
    assertThrows(IllegalArgumentException.class, () -> ComputeScope.all().inBucket(0, 0));
  }

  @Test
  void windowsAreHalfOpenAndNeverCompareWithANegativeLiteral() {
    assertEquals("t >= 0 AND t <= 10", ProcessingWindow.upTo(10).sql("t"));
    assertEquals("t >= 6 AND t <= 10", new ProcessingWindow(5, 10).sql("t"));
    assertTrue(new ProcessingWindow(10, 10).isEmpty());
    assertThrows(IllegalArgumentException.class, () -> new ProcessingWindow(11, 10));
    assertThrows(IllegalArgumentException.class, () -> new ProcessingWindow(-2, 10));
  }

  @Test
  void bucketsPartitionTheUsers() {
    for (String user : List.of("a", "b", "it's", "😀")) {
      int in = 0;
      for (int i = 0; i < 3; i++) {
        in += new UserBucket(i, 3).contains(user) ? 1 : 0;
      }
      assertEquals(1, in, user + " is in exactly one of 3 buckets");
      assertTrue(UserBucket.ALL.contains(user));
    }
  }
}
