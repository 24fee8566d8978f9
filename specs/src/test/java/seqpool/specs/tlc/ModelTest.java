package seqpool.specs.tlc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.ArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import seqpool.specs.SpecsPaths;

class ModelTest {

    @Test
    void readsExpectationFromHeader(@TempDir Path dir) throws Exception {
        Path cfg = dir.resolve("MCFoo_Bar.cfg");
        Files.writeString(cfg, "\\* expect: invariant NoTwoBlocks\nCONSTANTS\n");
        Model m = Model.load(cfg);
        assertEquals("MCFoo", m.rootModule());
        assertEquals(TlcOutcome.INVARIANT_VIOLATED, m.expected());
        assertEquals("NoTwoBlocks", m.violated());
        assertTrue(m.matches("Foo") && m.matches("MCFoo_Bar") && !m.matches("Baz"));
    }

    @Test
    void modelWithoutExpectationIsRefused(@TempDir Path dir) throws Exception {
        Path cfg = dir.resolve("MCFoo.cfg");
        Files.writeString(cfg, "CONSTANTS\n");
        assertThrows(IllegalArgumentException.class, () -> Model.load(cfg));
    }

    @Test
    void mismatchNamesTheWrongInvariant(@TempDir Path dir) throws Exception {
        Path cfg = dir.resolve("MCFoo_M.cfg");
        Files.writeString(cfg, "\\* expect: invariant A\n");
        Model m = Model.load(cfg);
        assertNull(m.mismatch(TlcResult.of(12, "Error: Invariant A is violated.")));
        assertNotNull(m.mismatch(TlcResult.of(12, "Error: Invariant B is violated.")));
        assertNotNull(m.mismatch(TlcResult.of(0, "Model checking completed. No error has been found.")));
    }

    /** Every invariant checked by a passing model has a mutant that must violate it. */
    @Test
    void everyInvariantHasAMutant() throws Exception {
        List<Model> models = Model.all(SpecsPaths.specDir(), "", false);
        Set<String> refuted = models.stream().filter(Model::mutant).map(m -> m.rootModule() + "." + m.violated())
                .collect(Collectors.toSet());
        for (Model m : models) {
            if (m.mutant()) {
                continue;
            }
            for (String line : Files.readAllLines(m.config())) {
                String l = line.strip();
                if (l.startsWith("INVARIANT") || l.startsWith("PROPERTY")) {
                    for (String name : l.substring(l.indexOf(' ') + 1).trim().split("\\s+")) {
                        if (!name.equals("TypeOK")) {
                            assertTrue(refuted.contains(m.rootModule() + "." + name),
                                    m.name() + " checks " + name + " but no mutant model refutes it");
                        }
                    }
                }
            }
        }
    }

    /**
     * Every property a spec defines (each definition after its "Properties" banner) is checked by a passing model and
     * refuted by a mutant model of that spec: a property nobody checks, or one without a mutant, fails the build.
     */
    @Test
    void everyPropertyOfEverySpecIsCheckedAndHasAMutant() throws Exception {
        List<Model> models = Model.all(SpecsPaths.specDir(), "", false);
        Pattern definition = Pattern.compile("^([A-Z][A-Za-z0-9_]*) ==");
        int specs = 0;
        try (Stream<Path> files = Files.list(SpecsPaths.specDir())) {
            for (Path tla : files.filter(f -> f.toString().endsWith(".tla")).sorted().toList()) {
                String spec = tla.getFileName().toString().replace(".tla", "");
                if (spec.startsWith("MC") || !Files.exists(tla.resolveSibling("MC" + spec + ".tla"))) {
                    continue;
                }
                specs++;
                List<String> properties = new ArrayList<>();
                boolean inProperties = false;
                for (String line : Files.readAllLines(tla)) {
                    inProperties |= line.startsWith("(*") && line.contains(" Properties ");
                    Matcher m = definition.matcher(line);
                    if (inProperties && m.find()) {
                        properties.add(m.group(1));
                    }
                }
                assertFalse(properties.isEmpty(), spec + " has no properties section");
                for (String p : properties) {
                    List<Model> ofSpec = models.stream().filter(m -> m.rootModule().equals("MC" + spec)).toList();
                    assertTrue(ofSpec.stream().anyMatch(m -> m.mutant() && m.violated().equals(p)),
                            spec + "." + p + " has no mutant model");
                    assertTrue(ofSpec.stream().anyMatch(m -> !m.mutant() && checks(m, p)),
                            spec + "." + p + " is checked by no passing model");
                }
            }
        }
        assertTrue(specs >= 3, "found only " + specs + " specs with models");
    }

    /** Every rule a spec can weaken ({@code Mutant = "X"} in its text) has a mutant model that TLC must refute. */
    @Test
    void everyMutantOfASpecHasAModel() throws Exception {
        List<Model> models = Model.all(SpecsPaths.specDir(), "", true);
        Pattern mutant = Pattern.compile("Mutant\\s*/?=\\s*\"(\\w+)\"");
        try (Stream<Path> files = Files.list(SpecsPaths.specDir())) {
            for (Path tla : files.filter(f -> f.toString().endsWith(".tla")).sorted().toList()) {
                String spec = tla.getFileName().toString().replace(".tla", "");
                if (spec.startsWith("MC")) {
                    continue;
                }
                Matcher m = mutant.matcher(Files.readString(tla));
                while (m.find()) {
                    String name = m.group(1);
                    boolean modelled = false;
                    for (Model model : models) {
                        if (model.mutant() && model.rootModule().equals("MC" + spec)
                                && Files.readString(model.config()).contains("Mutant = \"" + name + "\"")) {
                            modelled = true;
                        }
                    }
                    assertTrue(modelled, spec + " can weaken rule " + name + " but no mutant model sets Mutant = \""
                            + name + "\"");
                }
            }
        }
    }

    /** docs/specs.md's model table has one row per model (large ones included), and no row for a model that is gone. */
    @Test
    void docsTableListsExactlyTheModels() {
        List<Model> models = Model.all(SpecsPaths.specDir(), "", true);
        Set<String> names = models.stream().map(ModelTable::tableName).collect(Collectors.toCollection(java.util.TreeSet::new));
        Set<String> rows = new java.util.TreeSet<>(ModelTable.read(SpecsPaths.specsDoc()).keySet());
        assertEquals(names, rows, "models (left) and the rows of docs/specs.md's model table (right)");
        for (Model m : models) {
            assertEquals(ModelTable.expect(m), ModelTable.read(SpecsPaths.specsDoc()).get(ModelTable.tableName(m)).expect(),
                    m.name() + "'s expectation in docs/specs.md");
        }
    }

    @Test
    void modelTableComparesExactCountsAndRewritesRows(@TempDir Path dir) throws Exception {
        Path doc = dir.resolve("specs.md");
        Files.writeString(doc, "intro\n" + ModelTable.BEGIN + "\n| Model | expect | distinct states | TLC wall time |\n"
                + "|---|---|---|---|\n| `MCFoo` | pass | 1,000 | 3 s |\n| `MCFoo_Live` | `P` violated | ≈2,000 | 1 s |\n"
                + ModelTable.END + "\noutro\n");
        Path cfg = dir.resolve("MCFoo.cfg");
        Files.writeString(cfg, "\\* expect: pass\n");
        Path live = dir.resolve("MCFoo_Live.cfg");
        Files.writeString(live, "\\* expect: property P\n");
        ModelTable.Measured same = new ModelTable.Measured(Model.load(cfg),
                TlcResult.of(0, "1,000 distinct states found"), 2.2);
        ModelTable.Measured other = new ModelTable.Measured(Model.load(cfg),
                TlcResult.of(0, "1,001 distinct states found"), 2.2);
        ModelTable.Measured liveRun = new ModelTable.Measured(Model.load(live),
                TlcResult.of(13, "Temporal properties were violated.\n3,500 distinct states found"), 1);
        assertTrue(ModelTable.mismatches(ModelTable.read(doc), List.of(same, liveRun)).isEmpty());
        assertEquals(1, ModelTable.mismatches(ModelTable.read(doc), List.of(other)).size());
        ModelTable.update(doc, List.of(other));
        String text = Files.readString(doc);
        assertTrue(text.contains("| `MCFoo` | pass | 1,001 | 2 s |") && text.contains("≈2,000") && text.endsWith("outro\n"),
                text);
    }

    /**
     * Every model of the default build has its row in the table of docs/specs.md ("| `MCName` | expect | states |
     * time |") and is named in docs/auditing.md, so a new model or mutant cannot land undocumented.
     */
    @Test
    void everyModelIsDocumented() throws Exception {
        String specs = Files.readString(SpecsPaths.docsDir().resolve("specs.md"));
        String auditing = Files.readString(SpecsPaths.docsDir().resolve("auditing.md"));
        List<Model> models = Model.all(SpecsPaths.specDir(), "", false);
        assertFalse(models.isEmpty(), "no models found in " + SpecsPaths.specDir());
        for (Model m : models) {
            assertTrue(specs.contains("| `" + m.name() + "` |"), m.name() + " has no row in docs/specs.md's model table");
            assertTrue(auditing.contains("`" + m.name() + "`"), m.name() + " is not named in docs/auditing.md");
        }
    }

    private static boolean checks(Model m, String property) {
        List<String> lines;
        try {
            lines = Files.readAllLines(m.config());
        } catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
        for (String line : lines) {
            String l = line.strip();
            if ((l.startsWith("INVARIANT") || l.startsWith("PROPERTY")) && List.of(l.split("\\s+")).contains(property)) {
                return true;
            }
        }
        return false;
    }
}
