"""Makes the committed image fixtures that Java cannot easily write itself.
Run with Debian's python3 (PIL 9.4): /usr/bin/python3 make_test_images.py

cmyk.jpg: a 40x20 Adobe CMYK JPEG (as Photoshop writes them: APP14 "Adobe", inverted samples);
the left half is pure red, the right half pure blue.
"""
from PIL import Image

im = Image.new('RGB', (40, 20), (255, 0, 0))
im.paste((0, 0, 255), (20, 0, 40, 20))
im.convert('CMYK').save('cmyk.jpg', quality=95)
