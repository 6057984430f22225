package io.emolens.train;

/**
 * How a fine-tuning run starts: {@code network} restores the base model's network (one member of an ensemble),
 * which takes and answers as {@code input} says, {@code replay} (null for none) mixes FER2013 rows into every epoch,
 * {@code split} is the user's faces as every member's run uses them (chosen once), and {@code spec} is what run.json
 * records, including how the network is tuned.
 */
record FineTuning(NetworkFactory network, NetworkInput input, Replay replay, TrainingData split, FineTuneSpec spec) {
}
