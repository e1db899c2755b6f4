package com.keyaccount.crm.importing;

import com.keyaccount.crm.user.Viewer;

/** One kind of file import: starts on an uploaded file and returns the import's id. */
public interface FileImport {

    ImportKind kind();

    long start(Viewer viewer, String fileName, LineSource file);
}
