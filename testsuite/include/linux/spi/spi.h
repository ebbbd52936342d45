/* SPDX-License-Identifier: GPL-2.0 */
/*
 * rpmcheck test headers: SPI devices, messages and drivers.
 */
#ifndef __LINUX_SPI_H
#define __LINUX_SPI_H

#include <linux/mod_devicetable.h>
#include <linux/device.h>
#include <linux/slab.h>

struct spi_controller;

#define SPI_CPHA	0x01
#define SPI_CPOL	0x02
#define SPI_MODE_0	(0 | 0)
#define SPI_MODE_1	(0 | SPI_CPHA)
#define SPI_MODE_2	(SPI_CPOL | 0)
#define SPI_MODE_3	(SPI_CPOL | SPI_CPHA)
#define SPI_CS_HIGH	0x04

struct spi_device {
	struct device		dev;
	struct spi_controller	*controller;
	u32			max_speed_hz;
	u8			chip_select;
	u8			bits_per_word;
	u32			mode;
	int			irq;
	void			*controller_state;
	char			modalias[SPI_NAME_SIZE];
};

static inline struct spi_device *to_spi_device(const struct device *dev)
{
	return dev ? container_of(dev, struct spi_device, dev) : NULL;
}

static inline void spi_set_drvdata(struct spi_device *spi, void *data)
{
	dev_set_drvdata(&spi->dev, data);
}

static inline void *spi_get_drvdata(const struct spi_device *spi)
{
	return dev_get_drvdata(&spi->dev);
}

struct spi_transfer {
	const void	*tx_buf;
	void		*rx_buf;
	unsigned	len;
	dma_addr_t	tx_dma;
	dma_addr_t	rx_dma;
	unsigned	cs_change:1;
	u8		bits_per_word;
	u32		speed_hz;
	struct list_head transfer_list;
};

struct spi_message {
	struct list_head	transfers;
	struct spi_device	*spi;
	int			status;
	unsigned		actual_length;
};

extern void spi_message_init(struct spi_message *m);
extern void spi_message_add_tail(struct spi_transfer *t, struct spi_message *m);
extern int spi_setup(struct spi_device *spi);
extern int spi_async(struct spi_device *spi, struct spi_message *message);
extern int spi_sync(struct spi_device *spi, struct spi_message *message);
extern int spi_write_then_read(struct spi_device *spi,
			       const void *txbuf, unsigned n_tx,
			       void *rxbuf, unsigned n_rx);

static inline void
spi_message_init_with_transfers(struct spi_message *m,
				struct spi_transfer *xfers, unsigned int num_xfers)
{
	unsigned int i;

	spi_message_init(m);
	for (i = 0; i < num_xfers; ++i)
		spi_message_add_tail(&xfers[i], m);
}

static inline int
spi_sync_transfer(struct spi_device *spi, struct spi_transfer *xfers,
		  unsigned int num_xfers)
{
	struct spi_message msg;

	spi_message_init_with_transfers(&msg, xfers, num_xfers);

	return spi_sync(spi, &msg);
}

static inline int
spi_write(struct spi_device *spi, const void *buf, size_t len)
{
	struct spi_transfer xfer = { .tx_buf = buf, .len = len };

	return spi_sync_transfer(spi, &xfer, 1);
}

static inline int
spi_read(struct spi_device *spi, void *buf, size_t len)
{
	struct spi_transfer xfer = { .rx_buf = buf, .len = len };

	return spi_sync_transfer(spi, &xfer, 1);
}

/* Write one command byte, read one byte back: the byte or -errno. */
static inline ssize_t spi_w8r8(struct spi_device *spi, u8 cmd)
{
	u8 rx;
	int ret = spi_write_then_read(spi, &cmd, 1, &rx, 1);

	return ret < 0 ? ret : rx;
}

struct spi_driver {
	const struct spi_device_id *id_table;
	int			(*probe)(struct spi_device *spi);
	void			(*remove)(struct spi_device *spi);
	void			(*shutdown)(struct spi_device *spi);
	struct device_driver	driver;
};

extern const struct spi_device_id *spi_get_device_id(const struct spi_device *sdev);
extern const void *spi_get_device_match_data(const struct spi_device *sdev);

extern int __spi_register_driver(struct module *owner, struct spi_driver *sdrv);

static inline void spi_unregister_driver(struct spi_driver *sdrv)
{
	if (sdrv)
		driver_unregister(&sdrv->driver);
}

#define spi_register_driver(driver) \
	__spi_register_driver(THIS_MODULE, driver)

#define module_spi_driver(__spi_driver) \
	module_driver(__spi_driver, spi_register_driver, \
			spi_unregister_driver)

#endif /* __LINUX_SPI_H */
