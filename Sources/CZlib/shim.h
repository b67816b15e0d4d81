// zlib, for the raw-deflate bodies of compressed draw.io diagrams (libxml2 already links it).
#include <zlib.h>
