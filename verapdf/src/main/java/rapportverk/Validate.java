package rapportverk;

import java.io.File;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;
import org.verapdf.pdfa.validation.profiles.Rule;
import org.verapdf.pdfa.validation.profiles.RuleId;
import org.verapdf.pdfa.validation.validators.ValidatorFactory;

/**
 * Validates every PDF named on the command line against PDF/UA-1 and PDF/A-2a in one JVM (the
 * start-up and profile loading dominate a single file) and prints one JSON line per file and
 * profile: the failed rules with their clause, test number, description, count and one context.
 */
public final class Validate {
  private static final List<PDFAFlavour> FLAVOURS = List.of(PDFAFlavour.PDFUA_1, PDFAFlavour.PDFA_2_A);

  private Validate() {}

  public static void main(String[] args) {
    VeraGreenfieldFoundryProvider.initialise();
    // One failed assertion per rule is enough to point at the problem; counts come from the result.
    PDFAValidator validator = ValidatorFactory.createValidatorByFlavours(FLAVOURS, 1, false, true, false);
    int status = 0;
    for (String path : args) {
      try (PDFAParser parser = Foundries.defaultInstance().createParser(new File(path))) {
        for (ValidationResult result : validator.validateAll(parser)) {
          System.out.println(line(path, result));
          if (!result.isCompliant()) status = 1;
        }
      } catch (Exception e) {
        System.out.println("{\"file\":" + quote(path) + ",\"error\":" + quote(String.valueOf(e)) + "}");
        status = 2;
      }
    }
    System.exit(status);
  }

  private static String line(String path, ValidationResult result) {
    Map<String, String> contexts = new HashMap<>();
    for (TestAssertion a : result.getTestAssertions()) {
      if (a.getStatus() == TestAssertion.Status.FAILED) {
        contexts.putIfAbsent(key(a.getRuleId()), a.getLocation() == null ? "" : a.getLocation().getContext());
      }
    }
    List<Map.Entry<RuleId, Integer>> rules = new ArrayList<>(result.getFailedChecks().entrySet());
    rules.sort(Comparator.comparing(e -> key(e.getKey())));
    StringBuilder failed = new StringBuilder();
    for (Map.Entry<RuleId, Integer> e : rules) {
      RuleId id = e.getKey();
      Rule rule = result.getValidationProfile().getRuleByRuleId(id);
      if (failed.length() > 0) failed.append(',');
      failed.append("{\"specification\":").append(quote(id.getSpecification().toString()))
          .append(",\"clause\":").append(quote(id.getClause()))
          .append(",\"test\":").append(id.getTestNumber())
          .append(",\"description\":").append(quote(rule == null ? "" : rule.getDescription()))
          .append(",\"count\":").append(e.getValue())
          .append(",\"context\":").append(quote(contexts.getOrDefault(key(id), "")))
          .append('}');
    }
    return "{\"file\":" + quote(path) + ",\"profile\":" + quote(result.getPDFAFlavour().getId())
        + ",\"compliant\":" + result.isCompliant() + ",\"assertions\":" + result.getTotalAssertions()
        + ",\"failed\":[" + failed + "]}";
  }

  private static String key(RuleId id) {
    return id.getSpecification() + " " + id.getClause() + "-" + id.getTestNumber();
  }

  private static String quote(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') out.append('\\').append(c);
      else if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
      else out.append(c);
    }
    return out.append('"').toString();
  }
}
