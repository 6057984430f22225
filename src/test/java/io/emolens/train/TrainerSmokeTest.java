package io.emolens.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.emolens.data.Dataset;
import io.emolens.data.DatasetReader;
import io.emolens.data.ReadOptions;

class TrainerSmokeTest {
    @TempDir
    Path tmp;

    @Test
    void trains() {
        Dataset data = DatasetReader.readAny(Path.of("src/test/resources/fer2013/fixture_fer2013.csv"), ReadOptions.DEFAULT);
        TrainConfig config = TrainConfig.defaults("tiny").withMaxEpochs(3);
        List<String> log = new ArrayList<>();
        TrainingResult r = new Trainer(TinyNetworks.FACTORY, TinyNetworks.EXPORTER).train(data, config, tmp.resolve("run"),
                new TrainingListener() {
                    @Override
                    public void onEpoch(EpochStats stats, int bestEpoch) {
                        log.add(stats.toString());
                    }

                    @Override
                    public void onMessage(String message) {
                        log.add(message);
                    }
                }, new TrainingControl());
        log.forEach(System.out::println);
        System.out.println(r.diagnosis().text());
        System.out.println(r.test().format());
    }
}
