package io.emolens.archive.spark;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import io.emolens.archive.FaceRow;
import io.emolens.archive.VideoRow;

/** The Parquet schemas of faces/ ({@link FaceRow#COLUMNS}, then the partition column) and videos.parquet ({@link VideoRow#COLUMNS}). */
final class Schemas {
    static final StructType FACES;
    static final StructType VIDEOS;

    static {
        List<StructField> f = new ArrayList<>();
        for (String c : FaceRow.COLUMNS) {
            f.add(DataTypes.createStructField(c, faceType(c), nullable(c)));
        }
        f.add(DataTypes.createStructField(SparkArchiveJob.VIDEO_KEY, DataTypes.StringType, false));
        FACES = DataTypes.createStructType(f);
        List<StructField> v = new ArrayList<>();
        for (String c : VideoRow.COLUMNS) {
            DataType t = switch (c) {
                case "source", "status", "error" -> DataTypes.StringType;
                case "frames", "frames_with_faces", "face_rows" -> DataTypes.LongType;
                default -> DataTypes.DoubleType;
            };
            v.add(DataTypes.createStructField(c, t, !c.equals("source") && !c.equals("status")));
        }
        VIDEOS = DataTypes.createStructType(v);
    }

    private Schemas() {
    }

    private static DataType faceType(String column) {
        return switch (column) {
            case "frame", "time_ms", "session_ms" -> DataTypes.LongType;
            case "face_id", "x", "y", "w", "h", FaceRow.SEGMENT -> DataTypes.IntegerType;
            case "source", "label" -> DataTypes.StringType;
            default -> DataTypes.FloatType;
        };
    }

    private static boolean nullable(String column) {
        return faceType(column) == DataTypes.FloatType || column.equals("label");
    }

    static Row face(FaceRow row) {
        List<Object> values = new ArrayList<>(row.values());
        values.add(ArchiveFiles.key(row.source()));
        return RowFactory.create(values.toArray());
    }
}
