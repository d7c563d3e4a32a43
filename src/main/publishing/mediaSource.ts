/**
 * Where publishing reads a file of the app's media store (issue 3 builds the store: files copied into the data
 * folder, content-addressed). Kept to bytes + filename + mime so the store can be plugged in without touching
 * the publishing code.
 */
export interface MediaFile {
  bytes: Uint8Array;
  filename: string;
  mime: string;
}

export interface MediaSource {
  /** undefined when the store has no such file. */
  read(mediaId: string): MediaFile | undefined;
}

/** Until the media store lands: no file can be read, so featured images are reported, not uploaded. */
export const noMediaSource: MediaSource = { read: () => undefined };
