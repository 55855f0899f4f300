"""Makes the committed image fixtures that Java cannot easily write itself.
Run with Debian's python3 (PIL 9.4): /usr/bin/python3 make_test_images.py

cmyk.jpg: a 40x20 Adobe CMYK JPEG (as Photoshop writes them: APP14 "Adobe", inverted samples);
the left half is pure red, the right half pure blue.
"""
from PIL import Image

im = Image.new('RGB', (40, 20), (255, 0, 0))
im.paste((0, 0, 255), (20, 0, 40, 20))
im.convert('CMYK').save('cmyk.jpg', quality=95)

# plain_cmyk.jpg: the same picture as plain (non-inverted) CMYK without the Adobe segment,
# as some non-Adobe tools write it. PIL inverts CMYK on save, so invert first, then drop APP14.
from PIL import ImageChops

ImageChops.invert(im.convert('CMYK')).save('plain_tmp.jpg', quality=95)
data = open('plain_tmp.jpg', 'rb').read()
app14 = data.find(b'\xff\xee')
length = data[app14 + 2] * 256 + data[app14 + 3]
open('plain_cmyk.jpg', 'wb').write(data[:app14] + data[app14 + 2 + length:])
import os
os.remove('plain_tmp.jpg')
