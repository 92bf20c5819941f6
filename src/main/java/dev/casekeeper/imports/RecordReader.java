package dev.casekeeper.imports;

import java.io.Closeable;
import org.jspecify.annotations.Nullable;

/** One file of an import read record by record, never whole: a desk's history does not fit in memory. */
interface RecordReader<T> extends Closeable {

    /** The next record, or null at the end of the file. */
    @Nullable
    T next();

    /** How far into the file reading has got, in bytes (ahead by what is buffered): for the progress bar. */
    long bytesRead();
}
