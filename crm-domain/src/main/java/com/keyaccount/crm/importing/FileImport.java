package com.keyaccount.crm.importing;

import com.keyaccount.crm.user.Viewer;
import java.nio.file.Path;

/** One kind of CSV import: starts on an uploaded file and returns the import's id. */
public interface FileImport {

    ImportKind kind();

    long start(Viewer viewer, String fileName, Path file);
}
