package dev.granular.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class CapacityChartTest {
  private static final List<CapacityStep> STEPS = List.of(CapacityCurveTest.step(5_000, 2_000, 0),
      CapacityCurveTest.step(10_000, 4_000, 0), CapacityCurveTest.step(20_000, 30_000, 0),
      CapacityCurveTest.step(40_000, -1, 0));

  private static Document parse(String svg) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<Element> byClass(Document d, String tag, String cls) {
    List<Element> out = new ArrayList<>();
    NodeList all = d.getElementsByTagName(tag);
    for (int i = 0; i < all.getLength(); i++) {
      Element e = (Element) all.item(i);
      if (List.of(e.getAttribute("class").split(" ")).contains(cls)) {
        out.add(e);
      }
    }
    return out;
  }

  private static double num(Element e, String attribute) {
    return Double.parseDouble(e.getAttribute(attribute));
  }

  @Test
  void aPointPerMeasuredStepRisingWithItsP99AndEvenlySpacedOnTheLogAxis() throws Exception {
    Document d = parse(CapacityChart.svg(STEPS, "P6 <test> & co"));
    assertEquals("svg", d.getDocumentElement().getTagName());
    List<Element> p99 = byClass(d, "circle", "p99");
    assertEquals(3, p99.size(), "the unmeasured step has no point");
    assertEquals(List.of("5000", "10000", "20000"), p99.stream().map(e -> e.getAttribute("data-rate")).toList());
    assertEquals("30000", p99.get(2).getAttribute("data-ms"));
    // SVG's y grows downwards: a staler step sits higher, i.e. at a smaller y.
    assertTrue(num(p99.get(0), "cy") > num(p99.get(1), "cy") && num(p99.get(1), "cy") > num(p99.get(2), "cy"));
    double gap1 = num(p99.get(1), "cx") - num(p99.get(0), "cx");
    double gap2 = num(p99.get(2), "cx") - num(p99.get(1), "cx");
    assertTrue(gap1 > 0 && Math.abs(gap1 - gap2) < 0.2, gap1 + " vs " + gap2);
    assertEquals(3, byClass(d, "circle", "p50").size());
    assertEquals(1, byClass(d, "text", "not-measured").size());
    assertEquals("P6 <test> & co", d.getElementsByTagName("title").item(0).getTextContent());
  }

  @Test
  void theTargetLineIsAtTenSecondsOnTheSameScaleAsThePoints() throws Exception {
    Document d = parse(CapacityChart.svg(STEPS, "t"));
    Element target = byClass(d, "line", "target").get(0);
    assertEquals(num(target, "y1"), num(target, "y2"));
    List<Element> p99 = byClass(d, "circle", "p99");
    double y2s = num(p99.get(0), "cy");
    double y4s = num(p99.get(1), "cy");
    double perSecond = (y2s - y4s) / 2;
    assertEquals(y2s - 8 * perSecond, num(target, "y1"), 0.2, "10 s is 8 s above the 2 s point");
    assertTrue(num(target, "y1") > num(p99.get(2), "cy"), "30 s plots above the target line");
  }

  @Test
  void axesAndTicksNameEveryStepsRateAndTheSameFiguresGiveTheSameBytes() throws Exception {
    String svg = CapacityChart.svg(STEPS, "t");
    Document d = parse(svg);
    assertEquals(1, byClass(d, "line", "x-axis").size());
    assertEquals(1, byClass(d, "line", "y-axis").size());
    assertEquals(List.of("5K", "10K", "20K", "40K"), byClass(d, "text", "x-tick").stream().map(Element::getTextContent).toList());
    List<String> yTicks = byClass(d, "text", "y-tick").stream().map(Element::getTextContent).toList();
    assertEquals("0", yTicks.get(0));
    assertEquals("50", yTicks.get(yTicks.size() - 1), "the axis tops at a round value above 1.1 x the worst p99");
    assertEquals(svg, CapacityChart.svg(STEPS, "t"));
  }

  @Test
  void noStepsStillGiveAValidChart() throws Exception {
    Document d = parse(CapacityChart.svg(List.of(), "t"));
    assertEquals(0, byClass(d, "circle", "p99").size());
    assertEquals(1, byClass(d, "line", "target").size());
  }
}
