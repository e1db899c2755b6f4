package com.keyaccount.crm.attachment;

/** A prepared file once its bytes (and thumbnail) are in the store: what its row records. */
record StoredFile(PreparedFile file, String storageKey, String thumbnailKey) {
}
