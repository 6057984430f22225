package io.emolens.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ArchitecturesTest {

    @Test
    void seedHasTheKerasParameterCountAndFlops() {
        ArchitectureInfo info = Architectures.info("seed");
        assertEquals(2_345_607, info.parameters());
        // convolutions 1.22 + 71.37 + 58.98 + 18.87 MFLOP, dense 4.19 + 0.01 MFLOP
        assertEquals(154_652_928, info.flopsPerFace());
    }

    @Test
    void builtNetworksMatchTheirInfoAndRunOnOneDnn() {
        assertTrue(FastCpu.configure().fast(), "oneDNN helpers must be active: " + FastCpu.configure());
        for (String name : Architectures.names()) {
            var net = Architectures.build(name);
            assertEquals(Architectures.info(name).parameters(), net.numParams(), name);
            assertTrue(FastCpu.helperLayers(net) > 0, name + " has no oneDNN layer");
            net.close();
        }
    }

    @Test
    void defaultIsCheaperInParametersAndAffordableInFlops() {
        ArchitectureInfo seed = Architectures.info("seed");
        ArchitectureInfo def = Architectures.info("default");
        assertEquals(1_767_207, def.parameters());
        assertTrue(def.flopsPerFace() < 2 * seed.flopsPerFace(), def.toString());
    }

    @Test
    void unknownNameAndBadSettingsAreRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> Architectures.byName("xception"));
        assertEquals("unknown architecture 'xception'; expected one of [default, seed]", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ArchitectureConfig.DEFAULT.withDropout(1.0, 0.5));
        assertThrows(IllegalArgumentException.class, () -> ArchitectureConfig.DEFAULT.withL2(-1e-4));
        assertThrows(IllegalArgumentException.class, () -> ArchitectureConfig.DEFAULT.withLearningRate(0));
    }
}
