/* SPDX-License-Identifier: GPL-2.0 */
/*
 * rpmcheck test headers: I2C clients, drivers and SMBus transfers (6.12:
 * one-argument .probe, void .remove).
 */
#ifndef _LINUX_I2C_H
#define _LINUX_I2C_H

#include <linux/mod_devicetable.h>
#include <linux/device.h>

struct i2c_adapter;

struct i2c_msg {
	u16	addr;
	u16	flags;
#define I2C_M_RD		0x0001
	u16	len;
	u8	*buf;
};

struct i2c_client {
	unsigned short		flags;
#define I2C_CLIENT_PEC		0x04
#define I2C_CLIENT_TEN		0x10
	unsigned short		addr;
	char			name[I2C_NAME_SIZE];
	struct i2c_adapter	*adapter;
	struct device		dev;
	int			init_irq;
	int			irq;
};

#define to_i2c_client(d) container_of(d, struct i2c_client, dev)

extern int i2c_transfer(struct i2c_adapter *adap, struct i2c_msg *msgs, int num);
extern int i2c_master_send(const struct i2c_client *client, const char *buf, int count);
extern int i2c_master_recv(const struct i2c_client *client, char *buf, int count);

extern s32 i2c_smbus_read_byte(const struct i2c_client *client);
extern s32 i2c_smbus_write_byte(const struct i2c_client *client, u8 value);
extern s32 i2c_smbus_read_byte_data(const struct i2c_client *client, u8 command);
extern s32 i2c_smbus_write_byte_data(const struct i2c_client *client,
				     u8 command, u8 value);
extern s32 i2c_smbus_read_word_data(const struct i2c_client *client, u8 command);
extern s32 i2c_smbus_write_word_data(const struct i2c_client *client,
				     u8 command, u16 value);
extern s32 i2c_smbus_read_i2c_block_data(const struct i2c_client *client,
					 u8 command, u8 length, u8 *values);
extern s32 i2c_smbus_write_i2c_block_data(const struct i2c_client *client,
					  u8 command, u8 length, const u8 *values);

static inline s32
i2c_smbus_read_word_swapped(const struct i2c_client *client, u8 command)
{
	s32 value = i2c_smbus_read_word_data(client, command);

	return (value < 0) ? value : (s32)(((value & 0xff) << 8) | ((value >> 8) & 0xff));
}

struct i2c_driver {
	unsigned int class;

	int (*probe)(struct i2c_client *client);
	void (*remove)(struct i2c_client *client);
	void (*shutdown)(struct i2c_client *client);

	struct device_driver driver;
	const struct i2c_device_id *id_table;
	const unsigned short *address_list;
	u32 flags;
};

#define to_i2c_driver(d) container_of(d, struct i2c_driver, driver)

static inline void *i2c_get_clientdata(const struct i2c_client *client)
{
	return dev_get_drvdata(&client->dev);
}

static inline void i2c_set_clientdata(struct i2c_client *client, void *data)
{
	dev_set_drvdata(&client->dev, data);
}

extern const struct i2c_device_id *i2c_client_get_device_id(const struct i2c_client *client);
extern const void *i2c_get_match_data(const struct i2c_client *client);

extern int i2c_register_driver(struct module *owner, struct i2c_driver *driver);
extern void i2c_del_driver(struct i2c_driver *driver);

#define i2c_add_driver(driver) \
	i2c_register_driver(THIS_MODULE, driver)

#define module_i2c_driver(__i2c_driver) \
	module_driver(__i2c_driver, i2c_add_driver, \
			i2c_del_driver)

#endif /* _LINUX_I2C_H */
